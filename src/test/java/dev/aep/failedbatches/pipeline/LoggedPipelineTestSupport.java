package dev.aep.failedbatches.pipeline;

import dev.aep.failedbatches.testsupport.LogCapture;
import org.junit.jupiter.api.AfterEach;

/** A pipeline test that reads the log lines: captured from before the Camel context starts until the test ends. */
public abstract class LoggedPipelineTestSupport extends PipelineTestSupport {

    protected final LogCapture logs = new LogCapture();

    @Override
    protected void doPreSetup() throws Exception {
        logs.start();
    }

    @AfterEach
    void stopCapturingLogs() {
        logs.stop();
    }
}
