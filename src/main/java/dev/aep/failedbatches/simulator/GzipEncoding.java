package dev.aep.failedbatches.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/** Gzip content encoding of downloads (Catalog documents it for AEP; a switch here), and a corrupt variant. */
final class GzipEncoding {

    private GzipEncoding() {
    }

    static SimulatorResponse apply(SimulatorResponse response, String acceptEncoding, SimulatorFaults faults) {
        boolean accepts = acceptEncoding != null && acceptEncoding.toLowerCase().contains("gzip");
        if (!accepts || response.status() != 200 || response.streamed() != null || response.body().length == 0) {
            return response;
        }
        boolean corrupt = faults.takeCorruptGzip();
        if (!corrupt && !faults.gzipDownloads()) {
            return response;
        }
        byte[] gzipped = gzip(response.body());
        if (corrupt) {
            // keep the header and the first deflate blocks, then garbage: the client fails part-way through the body
            for (int i = Math.max(10, gzipped.length / 2); i < gzipped.length; i++) {
                gzipped[i] = (byte) (gzipped[i] ^ 0x5A);
            }
        }
        return new SimulatorResponse(200, response.headers(), gzipped, response.truncate(), null)
                .withHeader("Content-Encoding", "gzip");
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
