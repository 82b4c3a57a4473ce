package dev.aep.failedbatches.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The aep-output component: what the routes write the reports and dead letters with. */
class AtomicFileComponentTest {

    @TempDir
    Path root;

    private CamelContext camel;
    private ProducerTemplate template;

    @BeforeEach
    void start() {
        camel = context("rw-------");
        template = camel.createProducerTemplate();
    }

    private CamelContext context(String mode) {
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind(AtomicFileComponent.SCHEME, new AtomicFileComponent(
                new AtomicFiles(AtomicFiles.parseMode(mode)),
                dir -> dir == null ? root : Path.of(dir).toAbsolutePath().normalize()));
        context.start();
        return context;
    }

    @AfterEach
    void stop() throws Exception {
        camel.close();
    }

    private Exchange write(String uri, Object body, Map<String, Object> headers) {
        Exchange exchange = template.request(uri, e -> {
            e.getIn().setBody(body);
            e.getIn().setHeaders(new java.util.HashMap<>(headers));
        });
        return exchange;
    }

    private List<String> names() throws Exception {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(p))
                    .map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void theBodyIsWrittenWholeUnderTheFolderWithTheOutputModeAndLeftOnTheMessage() throws Exception {
        Exchange exchange = write("aep-output:dead-letter/sinks", "{\"a\":1}".getBytes(StandardCharsets.UTF_8),
                Map.of(Exchange.FILE_NAME, "01B.malformed-xdm.jms.json"));

        assertThat(exchange.getException()).isNull();
        Path file = root.resolve("dead-letter/sinks/01B.malformed-xdm.jms.json");
        assertThat(Files.readString(file)).isEqualTo("{\"a\":1}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(exchange.getMessage().getBody(String.class)).isEqualTo("{\"a\":1}");
        assertThat(names()).containsExactly("dead-letter/sinks/01B.malformed-xdm.jms.json");
    }

    @Test
    void theOverruleHeaderNamesTheFileAndIsRemovedTheCallersFileNameStays() throws Exception {
        Exchange exchange = write("aep-output:reports", new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)),
                Map.of(Exchange.FILE_NAME, "ids.txt", Exchange.OVERRULE_FILE_NAME, "01B.json"));

        assertThat(names()).containsExactly("reports/01B.json");
        assertThat(exchange.getMessage().getHeaders()).containsEntry(Exchange.FILE_NAME, "ids.txt")
                .doesNotContainKey(Exchange.OVERRULE_FILE_NAME);
    }

    @Test
    void theExchangesOutputRootIsPropertyAepOutputDir() throws Exception {
        Path other = Files.createTempDirectory(root, "instance");
        template.send("aep-output:reports", e -> {
            e.setProperty("aepOutputDir", other.toString());
            e.getIn().setHeader(Exchange.FILE_NAME, "01B.json");
            e.getIn().setBody("{}");
        });

        assertThat(other.resolve("reports/01B.json")).hasContent("{}");
        assertThat(root.resolve("reports")).doesNotExist();
    }

    @Test
    void linksPlantedAtTheFinalOrAnOldTemporaryNameAreReplacedNeverWrittenThrough() throws Exception {
        Path victim = Files.writeString(Files.createTempDirectory("victim").resolve("victim.txt"), "precious");
        Path reports = Files.createDirectories(root.resolve("reports"));
        List<Path> links = new ArrayList<>(List.of(reports.resolve("01B.json")));
        for (long thread = 1; thread <= 64; thread++) {
            links.add(reports.resolve(".01B.json." + thread + ".tmp")); // the temporary names of earlier versions
        }
        links.add(reports.resolve(".01B.json")); // camel-file's tempPrefix style
        links.add(reports.resolve("01B.json.inprogress"));
        for (Path link : links) {
            Files.createSymbolicLink(link, victim);
        }

        Exchange exchange = write("aep-output:reports", "{\"batchId\":\"01B\"}", Map.of(Exchange.FILE_NAME, "01B.json"));

        assertThat(exchange.getException()).isNull();
        assertThat(Files.readString(victim)).isEqualTo("precious");
        assertThat(Files.isRegularFile(reports.resolve("01B.json"), LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(reports.resolve("01B.json")).hasContent("{\"batchId\":\"01B\"}");
    }

    @Test
    void removeDeletesTheFileOrALinkNeverItsTarget() throws Exception {
        Path victim = Files.writeString(Files.createTempDirectory("victim").resolve("victim.txt"), "precious");
        write("aep-output:dead-letter", "{}", Map.of(Exchange.FILE_NAME, "01B.json"));
        Files.createSymbolicLink(root.resolve("dead-letter/01C.json"), victim);

        for (String name : List.of("01B.json", "01C.json", "01D.json")) {
            Exchange exchange = write("aep-output:dead-letter?remove=true", "ignored", Map.of(Exchange.FILE_NAME, name));
            assertThat(exchange.getException()).as(name).isNull();
        }

        assertThat(names()).isEmpty();
        assertThat(Files.readString(victim)).isEqualTo("precious");
    }

    @Test
    void onlySafeSingleSegmentsBecomePaths() throws Exception {
        for (String bad : new String[] {"../x.json", "a/b.json", ".hidden.json", "..", "", "x\u0000.json", "a\\b.json"}) {
            Exchange exchange = write("aep-output:reports", "{}", Map.of(Exchange.FILE_NAME, bad));
            assertThat(exchange.getException()).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("invalid output file or folder name");
        }
        assertThat(write("aep-output:reports", "{}", Map.of()).getException())
                .isInstanceOf(IllegalArgumentException.class);
        for (String folder : new String[] {"../etc", "reports/../..", "/tmp", "reports/.hidden"}) {
            assertThatThrownBy(() -> camel.getEndpoint("aep-output:" + folder)).as(folder)
                    .hasRootCauseInstanceOf(IllegalArgumentException.class);
        }
        assertThat(names()).isEmpty();
    }

    @Test
    void aReaderWatchingTheFinalNameNeverSeesAPartialFile() throws Exception {
        Path report = root.resolve("reports/01B.json");
        byte[][] bodies = {("{\"v\":\"" + "a".repeat(2_000_000) + "\"}").getBytes(StandardCharsets.UTF_8),
                ("{\"v\":\"" + "b".repeat(3_000_000) + "\"}").getBytes(StandardCharsets.UTF_8)};
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger whole = new AtomicInteger();
        ConcurrentLinkedQueue<Integer> partial = new ConcurrentLinkedQueue<>();
        CompletableFuture<Void> watcher = CompletableFuture.runAsync(() -> {
            while (writing.get()) {
                try {
                    int length = Files.readAllBytes(report).length;
                    if (length == bodies[0].length || length == bodies[1].length) {
                        whole.incrementAndGet();
                    } else {
                        partial.add(length);
                    }
                } catch (NoSuchFileException e) {
                    // not yet written
                } catch (Exception e) {
                    partial.add(-1);
                }
            }
        });
        try {
            for (int round = 0; round < 40; round++) {
                write("aep-output:reports", bodies[round % 2], Map.of(Exchange.FILE_NAME, "01B.json"));
            }
        } finally {
            writing.set(false);
        }
        watcher.get(30, TimeUnit.SECONDS);

        assertThat(partial).as("lengths read at the final name that are no whole body").isEmpty();
        assertThat(whole.get()).isGreaterThan(0);
    }

    @Test
    void everyFileTakesTheConfiguredModeFromItsCreation() throws Exception {
        try (CamelContext groupReadable = context("rw-r-----")) {
            groupReadable.createProducerTemplate().send("aep-output:dead-letter/invalid-input", e -> {
                e.getIn().setHeader(Exchange.FILE_NAME, "ids.txt-line-3.json");
                e.getIn().setBody("{}");
            });
        }
        Path file = root.resolve("dead-letter/invalid-input/ids.txt-line-3.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
    }
}
