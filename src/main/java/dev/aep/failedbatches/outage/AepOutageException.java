package dev.aep.failedbatches.outage;

/**
 * The IMS token endpoint or the AEP gateway is down (not this batch's fault): the batch is put back, to be taken up
 * again once the intake resumes. The inbox and queue route policies (ThrottlingExceptionRoutePolicy) pause on it.
 */
public class AepOutageException extends PutBackException {

    public AepOutageException(String message) {
        super(message);
    }
}
