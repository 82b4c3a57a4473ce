package dev.aep.failedbatches.pipeline;

import dev.aep.failedbatches.auth.AccessTokenProvider;
import dev.aep.failedbatches.outage.AepOutage;
import dev.aep.failedbatches.client.AepRequestHeaders;
import dev.aep.failedbatches.config.StartupCheck;
import dev.aep.failedbatches.client.AepResponseCheck;
import dev.aep.failedbatches.client.DownloadHandover;
import dev.aep.failedbatches.client.FailedFileListing;
import dev.aep.failedbatches.client.HttpFailures;
import dev.aep.failedbatches.client.RetryAfterDelay;
import dev.aep.failedbatches.errors.ClassificationRules;
import dev.aep.failedbatches.errors.ErrorClassifier;
import dev.aep.failedbatches.errors.ErrorEventFactory;
import dev.aep.failedbatches.errors.ErrorExtractor;
import dev.aep.failedbatches.errors.FailedFileReader;
import dev.aep.failedbatches.catalog.CatalogReads;
import dev.aep.failedbatches.discovery.DiscoveryConfiguration;
import dev.aep.failedbatches.inbox.BatchIdMessageParser;
import dev.aep.failedbatches.inbox.InboxSteps;
import dev.aep.failedbatches.inbox.RunSummary;
import dev.aep.failedbatches.output.AtomicFileComponent;
import dev.aep.failedbatches.overview.Overview;
import dev.aep.failedbatches.overview.OverviewScan;
import dev.aep.failedbatches.output.AtomicFiles;
import dev.aep.failedbatches.output.BatchRun;
import dev.aep.failedbatches.output.CategoryFiles;
import dev.aep.failedbatches.output.OutputRoots;
import dev.aep.failedbatches.queue.RejectedMessageReason;
import dev.aep.failedbatches.sinks.EmailDigest;
import dev.aep.failedbatches.sinks.EmailTransportSecurity;
import dev.aep.failedbatches.sinks.SinkDispatch;
import dev.aep.failedbatches.sinks.WebhookDigest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spi.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds the bundle's beans (all prefixed {@code aep}) before the YAML routes are built. Without credentials it
 * stops the start-up: a live bundle that cannot authenticate would only fill the dead-letter folder.
 */
public class AepBundleConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(AepBundleConfiguration.class);

    @Override
    public void configure(CamelContext context) throws Exception {
        // a host that lists only this class gets the same check (it runs once)
        new StartupCheck().configure(context);
        PropertiesComponent properties = context.getPropertiesComponent();
        AepSettings settings = new AepSettings(properties);
        Registry registry = context.getRegistry();
        Clock clock = Clock.systemUTC();
        // a bad value stops the start before anything runs
        AtomicFiles outputFiles = new AtomicFiles(
                AtomicFiles.parseMode(settings.get("aep.output.file-mode", AtomicFiles.DEFAULT_MODE)));

        String tokenUrl = settings.get("aep.ims.token-url", "https://ims-na1.adobelogin.com/ims/token/v3");
        String clientId = settings.get("aep.auth.client-id", null);
        String clientSecret = settings.get("aep.auth.client-secret", null);
        String staticToken = settings.get("aep.auth.access-token", null);
        String orgId = settings.get("aep.auth.org-id", null);
        String sandbox = settings.get("aep.sandbox", "prod");
        requireCredentials(clientId, clientSecret, staticToken, orgId);
        LastGoodRouteFiles.guard(context);

        Duration timeout = Duration.ofMillis(settings.getInt("aep.http.connect-timeout-ms", 10_000));
        AccessTokenProvider tokens = staticToken != null
                ? AccessTokenProvider.staticToken(staticToken)
                : AccessTokenProvider.clientCredentials(tokenUrl, clientId, clientSecret,
                        settings.get("aep.auth.scopes", "openid,AdobeID,read_organizations,additional_info.projectedProductContext,session"),
                        Duration.ofSeconds(settings.getInt("aep.auth.refresh-margin-seconds", 300)), timeout, clock);
        AepRequestHeaders headers = new AepRequestHeaders(tokens, clientId, orgId, sandbox);
        registry.bind("aepTokens", tokens);
        registry.bind("aepRequestHeaders", headers);
        AepOutage outage = new AepOutage(tokens);
        outage.setCamelContext(context);
        registry.bind("aepOutage", outage);
        int probeMillis = settings.getInt("aep.outage.probe-interval-ms", 30_000);
        registry.bind("aepInboxOutagePolicy", outage.intakePolicy(probeMillis));
        registry.bind("aepQueueOutagePolicy", outage.intakePolicy(probeMillis));
        registry.bind("aepFailures", new HttpFailures());
        registry.bind("aepDownloadHandOver", DownloadHandover.handOver());
        registry.bind("aepDownloadAdopt", DownloadHandover.adopt());
        registry.bind("aepServerErrorCheck", AepResponseCheck.serverErrors());
        registry.bind("aepResponseCheck", AepResponseCheck.allButSuccess());
        registry.bind("aepRetryAfter", new RetryAfterDelay(
                Duration.ofMillis(settings.getInt("aep.retry.max-delay-ms", 60_000)), clock));
        registry.bind("aepRetryLog", new dev.aep.failedbatches.client.RetryLog());
        registry.bind("aepListing", new FailedFileListing(settings.getInt("aep.api.page-size", 100)));
        FailedFileListing rowErrorListing = new FailedFileListing(settings.getInt("aep.api.page-size", 100), "meta",
                "path=row_errors&", "row_errors/");
        registry.bind("aepRowErrorListing", rowErrorListing);
        registry.bind("aepRowErrorPages", rowErrorListing.missingAsGone());

        ClassificationRules rules = loadRules(settings.get("aep.rules.file", null));
        OutputRoots roots = new OutputRoots(Path.of(settings.get("aep.output.dir", "out")), clock,
                Duration.ofMinutes(settings.getInt("aep.output.stale-temp-minutes", 60)));
        registry.bind(AtomicFileComponent.SCHEME, new AtomicFileComponent(outputFiles, roots::resolve));
        registry.bind("aepRecords", new RecordChunks(
                new FailedFileReader(settings.getInt("aep.records.max-chars", FailedFileReader.DEFAULT_MAX_RECORD_CHARS))
                        .withStreamingEntries(),
                settings.getInt("aep.records.chunk-size", 200)));
        BatchSteps batchSteps = new BatchSteps(roots, new CategoryFiles(outputFiles), rules.categories(),
                new ErrorEventFactory(new ErrorExtractor(), new ErrorClassifier(rules)), clock,
                new BatchRun.ProgressEvery(settings.getInt("aep.progress.every-files", 25),
                        Duration.ofSeconds(settings.getInt("aep.progress.every-seconds", 30))));
        registry.bind("aepBatches", batchSteps);
        FilePool.bind(context, settings.getInt("aep.parallel.files", 4), settings.getInt("aep.parallel.batches", 2));
        registry.bind("aepFileReset", (org.apache.camel.Processor) batchSteps::resetFile);
        registry.bind("aepInbox", new InboxSteps(clock));
        registry.bind("aepRunSummary", new RunSummary(Path.of(settings.get("aep.output.dir", "out"))));
        registry.bind("aepOverview", new Overview(roots, new OverviewScan(settings.getInt("aep.overview.max-rows", 500),
                settings.getInt("aep.overview.message-batches", 50),
                settings.getInt("aep.overview.message-max-lines", 20_000)), clock));
        registry.bind("aepCatalog", new CatalogReads());
        int emailErrors = settings.getInt("aep.sinks.email.max-errors", 20);
        int webhookErrors = settings.getInt("aep.sinks.webhook.max-errors", 10);
        registry.bind("aepSinkDispatch", new SinkDispatch(roots, clock, Math.max(emailErrors, webhookErrors)));
        registry.bind("aepWebhookDigest", new WebhookDigest(webhookErrors));
        registry.bind("aepQueueInput", new BatchIdMessageParser());
        registry.bind("aepRejectedMessageReason", new RejectedMessageReason());
        registry.bind("aepEmailMailProperties", EmailTransportSecurity.javaMailProperties(
                EmailTransportSecurity.mode(settings.get("aep.sinks.email.tls", "auto"),
                        settings.get("aep.sinks.email.username", null) != null
                                || settings.get("aep.sinks.email.password", null) != null),
                settings.get("aep.sinks.email.ssl-trust", null)));
        registry.bind("aepEmailDigest", new EmailDigest(properties::resolveProperty,
                settings.get("aep.sinks.email.from", "aep-failed-batches@localhost"),
                settings.getInt("aep.sinks.email.max-errors", 20)));
        new DiscoveryConfiguration().configure(context);
    }

    /** Live mode needs someone to be: a client (id and secret) or a ready token, and always the org. */
    private static void requireCredentials(String clientId, String clientSecret, String staticToken, String orgId) {
        List<String> problems = new ArrayList<>();
        if (staticToken == null && clientSecret == null) {
            problems.add("no AEP credentials: set aep.auth.client-secret (environment AEP_AUTH_CLIENT_SECRET)"
                    + " or aep.auth.access-token (AEP_AUTH_ACCESS_TOKEN); to try the bundle on demo data instead,"
                    + " run it with -Dcamel.main.profile=demo");
        }
        if (clientId == null) {
            problems.add("aep.auth.client-id (AEP_AUTH_CLIENT_ID) is not set: the API key of your Developer Console project");
        }
        if (orgId == null) {
            problems.add("aep.auth.org-id (AEP_AUTH_ORG_ID) is not set: your IMS organisation, ...@AdobeOrg");
        }
        if (!problems.isEmpty()) {
            throw new BundleConfigurationException(problems);
        }
    }

    private static ClassificationRules loadRules(String file) {
        try {
            if (file == null) {
                return ClassificationRules.defaults();
            }
            Path path = Path.of(file);
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException("aep.rules.file not found: " + path.toAbsolutePath());
            }
            return ClassificationRules.load(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read aep.rules.file " + file, e);
        }
    }
}
