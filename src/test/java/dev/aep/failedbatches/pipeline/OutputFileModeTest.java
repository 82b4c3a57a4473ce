package dev.aep.failedbatches.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** aep.output.file-mode reaches every output the production routes write. */
class OutputFileModeTest extends PipelineTestSupport {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("aep.output.file-mode", "rw-------");
    }

    @Test
    void reportsErrorFilesAndDeadLettersTakeTheConfiguredMode() throws Exception {
        retrieve("01HZROWERRORS0000000000001");
        retrieve("01UNKNOWN0000000000000001");
        dropInbox("ids.txt", "not/a/batch\n");
        awaitInboxDone("ids.txt");

        List<Path> outputs = filesUnder(out);
        assertThat(outputs).extracting(p -> out.relativize(p).toString().replaceAll("/[^/]*$", "/"))
                .contains("reports/", "errors/conversion/", "dead-letter/", "dead-letter/invalid-input/");
        for (Path output : outputs) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(output)))
                    .as(out.relativize(output).toString()).isEqualTo("rw-------");
        }
    }

    @Test
    void aBadModeStopsTheStartNamingTheProperty() throws Exception {
        Properties properties = new Properties();
        properties.put("aep.output.file-mode", "rw-r--r-x-");
        properties.put("aep.auth.org-id", "TEST@AdobeOrg");
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.getPropertiesComponent().setInitialProperties(properties);
            assertThatThrownBy(() -> new AepBundleConfiguration().configure(camel))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("aep.output.file-mode").hasMessageContaining("rw-r--r-x-");
        }
    }
}
