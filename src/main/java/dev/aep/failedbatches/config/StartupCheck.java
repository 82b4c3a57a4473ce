package dev.aep.failedbatches.config;

import dev.aep.failedbatches.auth.Secrets;
import dev.aep.failedbatches.pipeline.BundleConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.PropertiesComponent;

/**
 * Validates the configuration before anything starts. As a Camel Main listener (added by {@code Application}) it
 * runs once the property files are read and before Camel Main configures anything: before the beans and thread
 * pools that use {@code {{aep.*}}} placeholders, before the route folder is scanned, before the demo's simulator
 * starts. As a {@link CamelConfiguration} (called by {@code AepBundleConfiguration}) it covers a host that builds its
 * own context; it runs once either way. Every problem found becomes one line naming the property and its value, all
 * thrown at once as a {@link BundleConfigurationException}.
 */
public class StartupCheck extends MainListenerSupport implements CamelConfiguration {

    private static final String CHECKED = "aepStartupChecked";
    /** Values that are credentials themselves (a Slack webhook URL is one): never printed. */
    private static final Set<String> HIDDEN = Set.of("aep.sinks.webhook.url", "aep.sinks.jms.broker-url");

    @Override
    public void beforeConfigure(BaseMainSupport main) {
        configure(main.getCamelContext());
    }

    @Override
    public void configure(CamelContext context) {
        if (context.getRegistry().lookupByName(CHECKED) != null) {
            return;
        }
        List<String> problems = new StartupCheck.Run(context.getPropertiesComponent()).problems();
        if (!problems.isEmpty()) {
            throw new BundleConfigurationException(problems);
        }
        context.getRegistry().bind(CHECKED, Boolean.TRUE);
    }

    private static final class Run {

        private final PropertiesComponent properties;
        private final List<String> problems = new ArrayList<>();

        Run(PropertiesComponent properties) {
            this.properties = properties;
        }

        List<String> problems() {
            for (PropertyRule rule : PropertyRules.ALL) {
                value(rule.name()).flatMap(rule::problem).ifPresent(why -> problem(rule.name(), why));
            }
            folder("aep.output.dir", "out");
            if (!"false".equalsIgnoreCase(value("aep.inbox.enabled").orElse("true"))) {
                folder("aep.inbox.dir", "inbox");
            }
            value("aep.rules.file").filter(file -> !Files.isRegularFile(Path.of(file)))
                    .ifPresent(file -> problem("aep.rules.file", "no such file: " + Path.of(file).toAbsolutePath()));
            routesFolder().ifPresent(this::sinkSettings);
            managementPort();
            return problems;
        }

        /** The folder of the route files, if it holds any; none when set empty (routes from the classpath). */
        private Optional<Path> routesFolder() {
            if (raw("aep.routes.dir").filter(String::isBlank).isPresent()) {
                return Optional.empty();
            }
            String dir = value("aep.routes.dir").orElse("routes");
            Path folder = Path.of(dir);
            if (!Files.isDirectory(folder)) {
                problem("aep.routes.dir", dir, "no such folder: " + folder.toAbsolutePath()
                        + " (run from the folder that holds routes/ and config/, or set aep.routes.dir)");
                return Optional.empty();
            }
            try (Stream<Path> files = Files.list(folder)) {
                if (files.noneMatch(file -> file.getFileName().toString().endsWith(".camel.yaml"))) {
                    problem("aep.routes.dir", dir, "holds no *.camel.yaml route file: " + folder.toAbsolutePath());
                    return Optional.empty();
                }
            } catch (IOException e) {
                problem("aep.routes.dir", dir, "cannot be read: " + e.getMessage());
                return Optional.empty();
            }
            return Optional.of(folder);
        }

        /** The management server's port is free, when the server is on and the port fixed (0 picks a free one). */
        private void managementPort() {
            if (!"true".equalsIgnoreCase(value("camel.management.enabled").orElse("false"))) {
                return;
            }
            String value = value("aep.management.port").orElse("9876");
            // a port that is no number, or out of range, is named by its rule already
            int port = value.matches("\\d{1,5}") ? Integer.parseInt(value) : -1;
            if (port > 0 && port <= 65535) {
                ManagementPort.bindProblem(value("aep.management.host").orElse("127.0.0.1"), port)
                        .ifPresent(why -> problem("aep.management.port", String.valueOf(port), why));
            }
        }

        private void sinkSettings(Path routes) {
            Path mapping = routes.resolve("sinks.camel.yaml");
            if (!Files.isRegularFile(mapping)) {
                return;
            }
            Set<String> routed;
            try {
                routed = RoutedSinks.in(mapping);
            } catch (IOException e) {
                problem("aep.routes.dir", routes.toString(), "cannot read " + mapping + ": " + e.getMessage());
                return;
            }
            String why = "is routed to in " + mapping;
            if (routed.contains("webhook")) {
                required("aep.sinks.webhook.url", "the webhook sink " + why);
            }
            if (routed.contains("jms")) {
                required("aep.sinks.jms.broker-url", "the jms sink " + why);
            }
            if (routed.contains("kafka")) {
                required("aep.sinks.kafka.brokers", "the kafka sink " + why);
            }
            if (routed.contains("email")) {
                required("aep.sinks.email.host", "the email sink " + why);
                required("aep.sinks.email.to.default", "the email sink " + why + " (recipients of any category"
                        + " without its own aep.sinks.email.to.<category>)");
            }
            if (routed.contains("files")) {
                folder("aep.sinks.files.dir", "out/export");
            }
        }

        private void required(String name, String because) {
            if (value(name).isEmpty()) {
                problems.add(name + " is not set (environment " + name.toUpperCase(Locale.ROOT).replaceAll("[.-]", "_")
                        + "), but " + because);
            }
        }

        private void folder(String name, String defaultValue) {
            String value = value(name).orElse(defaultValue);
            Folders.writableProblem(Path.of(value)).ifPresent(why -> problem(name, value, why));
        }

        private void problem(String name, String why) {
            problem(name, value(name).orElse(""), why);
        }

        private void problem(String name, String value, String why) {
            boolean secret = HIDDEN.contains(name) || name.matches(".*(secret|password|access-token).*");
            problems.add(name + "=" + (secret ? Secrets.MASK : Secrets.mask(value)) + ": " + why);
        }

        private Optional<String> value(String name) {
            return raw(name).map(String::strip).filter(v -> !v.isEmpty());
        }

        private Optional<String> raw(String name) {
            try {
                return properties.resolveProperty(name);
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
    }
}
