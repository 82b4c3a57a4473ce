package dev.aep.failedbatches.operate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/** Readiness: the output folder takes a new file (the check writes and removes an empty one). */
public final class OutputFolderHealthCheck extends AbstractHealthCheck {

    private final Path outputDir;

    public OutputFolderHealthCheck(Path outputDir) {
        super("aep", "aep-output-folder");
        this.outputDir = outputDir;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("output.dir", outputDir.toAbsolutePath().toString());
        try {
            Files.createDirectories(outputDir);
            Files.delete(Files.createTempFile(outputDir, ".health-", ".tmp"));
            builder.up();
        } catch (IOException | SecurityException e) {
            builder.message("output folder not writable: " + e.getClass().getSimpleName() + " " + e.getMessage()).down();
        }
    }
}
