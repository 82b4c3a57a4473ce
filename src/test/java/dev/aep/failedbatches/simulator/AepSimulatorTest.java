package dev.aep.failedbatches.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class AepSimulatorTest {

    private static final String ORG = "DEMO0000000000000000000@AdobeOrg";
    private static final String EXPORT = "/data/foundation/export";
    private static final String CREDENTIALS =
            "grant_type=client_credentials&client_id=demo-client&client_secret=demo-secret&scope=openid,AdobeID";
    private static final String EMPTY_LISTING = "{\"data\":[],\"_page\":{\"limit\":100,\"count\":0}}";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private AepSimulator simulator;
    private String token;

    @BeforeEach
    void startSimulator() throws Exception {
        simulator = new AepSimulator(new SimulatorSettings().addStaticToken("static-token")).start();
        token = issueToken();
    }

    @AfterEach
    void stopSimulator() {
        simulator.close();
    }

    // --- IMS ---

    @Test
    void issuesBearerTokensForClientCredentialsInBodyOrQuery() throws Exception {
        HttpResponse<String> response = postToken(CREDENTIALS);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response.body());
        assertThat(body.get("access_token").asText()).isNotBlank().isNotEqualTo(token);
        assertThat(body.get("token_type").asText()).isEqualTo("bearer");
        assertThat(body.get("expires_in").asLong()).isEqualTo(86399);

        HttpResponse<String> viaQuery = http.send(HttpRequest.newBuilder(URI.create(simulator.tokenUrl() + "?" + CREDENTIALS))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(viaQuery.statusCode()).isEqualTo(200);
        assertThat(simulator.tokensIssued()).isEqualTo(3);
    }

    @Test
    void rejectsBadClientMissingParametersOtherGrantsAndOtherMethods() throws Exception {
        HttpResponse<String> badSecret = postToken(CREDENTIALS.replace("demo-secret", "wrong"));
        assertThat(badSecret.statusCode()).isEqualTo(401);
        assertThat(json(badSecret.body()).get("error").asText()).isEqualTo("invalid_client");
        assertThat(json(badSecret.body()).has("error_description")).isTrue();

        assertThat(postToken(CREDENTIALS.replace("client_id=demo-client", "client_id=other")).statusCode()).isEqualTo(401);

        HttpResponse<String> noScope = postToken(CREDENTIALS.replace("&scope=openid,AdobeID", ""));
        assertThat(noScope.statusCode()).isEqualTo(400);
        assertThat(json(noScope.body()).get("error").asText()).isEqualTo("invalid_request");

        HttpResponse<String> otherGrant = postToken(CREDENTIALS.replace("client_credentials", "password"));
        assertThat(otherGrant.statusCode()).isEqualTo(400);
        assertThat(json(otherGrant.body()).get("error").asText()).isEqualTo("invalid_request");

        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(simulator.tokenUrl())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(simulator.tokensIssued()).isEqualTo(1);
    }

    @Test
    void failNextTokensAnswersTheGivenStatusBeforeRecovering() throws Exception {
        simulator.faults().failNextTokens(2, 503);

        assertThat(postToken(CREDENTIALS).statusCode()).isEqualTo(503);
        assertThat(postToken(CREDENTIALS).statusCode()).isEqualTo(503);
        assertThat(postToken(CREDENTIALS).statusCode()).isEqualTo(200);
    }

    // --- gateway ---

    @Test
    void gatewayChecksAnswerAdobesStatusesAndBodiesInOrder() throws Exception {
        String url = simulator.baseUrl() + EXPORT + "/batches/01HZSEED0MONTH00TIMESTAMP0/failed";

        assertRejected(request(url), 403, "{\"error_code\":\"403010\",\"message\":\"Oauth token is missing.\"}");
        assertRejected(request(url).header("Authorization", "Basic abc"), 403,
                "{\"error_code\":\"403010\",\"message\":\"Oauth token is missing.\"}");
        assertRejected(request(url).header("Authorization", "Bearer nope").header("x-api-key", "demo-client"), 401,
                "{\"error_code\":\"401013\",\"message\":\"Oauth token is not valid\"}");
        assertRejected(request(url).header("Authorization", "Bearer " + token), 403,
                "{\"error_code\":\"403000\",\"message\":\"Api Key is required\"}");
        assertRejected(request(url).header("Authorization", "Bearer " + token).header("x-api-key", "other"), 403,
                "{\"error_code\":\"403003\",\"message\":\"Api Key is invalid\"}");
        assertRejected(request(url).header("Authorization", "Bearer " + token).header("x-api-key", "demo-client"), 400,
                "{\"error_code\":\"400003\",\"message\":\"Missing header\"}");
        assertRejected(request(url).header("Authorization", "Bearer " + token).header("x-api-key", "demo-client")
                .header("x-gw-ims-org-id", "OTHER@AdobeOrg"), 403,
                "{\"error_code\":\"403025\",\"message\":\"Profile is not valid\"}");
        assertRejected(authorized(url).setHeader("x-sandbox-name", "dev"), 404, EMPTY_LISTING);

        HttpResponse<String> noSandboxMeansProd = http.send(request(url).header("Authorization", "Bearer " + token)
                .header("x-api-key", "demo-client").header("x-gw-ims-org-id", ORG).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noSandboxMeansProd.statusCode()).isEqualTo(200);
        assertThat(get(authorizedWith("static-token", url)).statusCode()).isEqualTo(200);
    }

    @Test
    void expiredTokensAreRejectedWith401013ButStaticTokensStayValid() throws Exception {
        String url = simulator.baseUrl() + EXPORT + "/batches/01HZSEED0MONTH00TIMESTAMP0/failed";
        assertThat(get(authorized(url)).statusCode()).isEqualTo(200);

        simulator.expireAllTokens();

        HttpResponse<String> expired = get(authorized(url));
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.body()).isEqualTo("{\"error_code\":\"401013\",\"message\":\"Oauth token is not valid\"}");
        assertThat(get(authorizedWith("static-token", url)).statusCode()).isEqualTo(200);
        token = issueToken();
        assertThat(get(authorized(url)).statusCode()).isEqualTo(200);
    }

    @Test
    void tokensExpireAfterTheirTtl() throws Exception {
        try (AepSimulator shortLived = new AepSimulator(new SimulatorSettings().tokenTtlSeconds(0).loadDemoData(false)).start()) {
            HttpResponse<String> issued = http.send(HttpRequest.newBuilder(URI.create(shortLived.tokenUrl()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(CREDENTIALS)).build(), HttpResponse.BodyHandlers.ofString());
            String shortToken = json(issued.body()).get("access_token").asText();

            HttpResponse<String> response = get(authorizedWith(shortToken, shortLived.baseUrl() + EXPORT + "/batches/x/failed"));

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(json(response.body()).get("error_code").asText()).isEqualTo("401013");
        }
    }

    // --- listing ---

    @Test
    void pagesA237EntryListingBy100FollowingNextLinks() throws Exception {
        LinkedHashMap<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < 236; i++) {
            files.put(String.format("part-%05d-c000.json", i), ("{\"n\":" + i + "}\n").getBytes(StandardCharsets.UTF_8));
        }
        simulator.addBatch("01HZPAGING0000000000000001", files);

        List<Integer> pageSizes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        String next = simulator.baseUrl() + EXPORT + "/batches/01HZPAGING0000000000000001/failed";
        while (next != null) {
            JsonNode page = json(get(authorized(next)).body());
            assertThat(page.at("/_page/count").asInt()).isEqualTo(237);
            assertThat(page.at("/_page/limit").asInt()).isEqualTo(100);
            assertThat(page.at("/_links/page/templated").asBoolean()).isTrue();
            pageSizes.add(page.get("data").size());
            page.get("data").forEach(item -> names.add(item.get("name").asText()));
            next = page.at("/_links/next/href").isMissingNode() ? null : page.at("/_links/next/href").asText();
        }

        assertThat(pageSizes).containsExactly(100, 100, 37);
        assertThat(names).hasSize(237).doesNotHaveDuplicates();
        assertThat(names.get(0)).isEqualTo("_SUCCESS");
        assertThat(names.subList(1, 237)).containsExactlyElementsOf(files.keySet());
    }

    @Test
    void listsSuccessMarkerFirstWithStringLengthsAndHonoursStartAndLimit() throws Exception {
        LinkedHashMap<String, byte[]> files = new LinkedHashMap<>();
        files.put("b.json", new byte[12]);
        files.put("_SUCCESS", new byte[0]);
        files.put("a.json", new byte[7]);
        simulator.addBatch("B1", files);
        String url = simulator.baseUrl() + EXPORT + "/batches/B1/failed";

        JsonNode all = json(get(authorized(url)).body());
        assertThat(all.get("data").findValuesAsText("name")).containsExactly("_SUCCESS", "b.json", "a.json");
        assertThat(all.at("/data/0/length").isTextual()).isTrue();
        assertThat(all.at("/data/0/length").asText()).isEqualTo("0");
        assertThat(all.at("/data/1/length").asText()).isEqualTo("12");
        assertThat(all.at("/data/1/_links/self/href").asText()).isEqualTo(url + "?path=b.json");
        assertThat(all.at("/_links/next").isMissingNode()).isTrue();

        JsonNode second = json(get(authorized(url + "?start=1&limit=1")).body());
        assertThat(second.get("data").findValuesAsText("name")).containsExactly("b.json");
        assertThat(second.at("/_page/limit").asInt()).isEqualTo(1);
        assertThat(second.at("/_page/count").asInt()).isEqualTo(3);
        assertThat(second.at("/_links/next/href").asText()).isEqualTo(url + "?start=2&limit=1");

        assertThat(json(get(authorized(url + "?limit=500")).body()).at("/_page/limit").asInt()).isEqualTo(100);
        assertThat(get(authorized(url + "?limit=abc")).statusCode()).isEqualTo(400);
        assertThat(get(authorized(url + "?limit=0")).statusCode()).isEqualTo(400);
        assertThat(get(authorized(url + "?start=-1")).statusCode()).isEqualTo(400);
        assertThat(json(get(authorized(url + "?start=10")).body()).get("data")).isEmpty();
    }

    @Test
    void usesTheConfiguredDefaultPageSizeWhenNoLimitIsSent() throws Exception {
        try (AepSimulator small = new AepSimulator(new SimulatorSettings().pageLimitDefault(2).addStaticToken("t")).start()) {
            JsonNode page = json(get(authorizedWith("t", small.baseUrl() + EXPORT
                    + "/batches/01HZAPPENDIX0000000000001/failed")).body());

            assertThat(page.get("data")).hasSize(2);
            assertThat(page.at("/_page/limit").asInt()).isEqualTo(2);
            assertThat(page.at("/_page/count").asInt()).isEqualTo(6);
            assertThat(page.at("/_links/next/href").asText()).endsWith("/failed?start=2&limit=2");
        }
    }

    @Test
    void answers404ForUnknownBatchesPathsAndRoutesAnd405ForOtherMethods() throws Exception {
        String base = simulator.baseUrl() + EXPORT;
        HttpResponse<String> unknownBatch = get(authorized(base + "/batches/NOPE/failed"));
        assertThat(unknownBatch.statusCode()).isEqualTo(404);
        assertThat(unknownBatch.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(json(unknownBatch.body()).get("message").asText()).isEqualTo("Batch not found");

        assertThat(get(authorized(base + "/batches/01HZSEED0MONTH00TIMESTAMP0/failed?path=nope.json")).statusCode()).isEqualTo(404);
        assertThat(get(authorized(base + "/batches/01HZSEED0MONTH00TIMESTAMP0/files")).statusCode()).isEqualTo(404);
        assertThat(get(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/elsewhere"))).statusCode()).isEqualTo(404);
        HttpResponse<String> post = http.send(authorized(base + "/batches/01HZSEED0MONTH00TIMESTAMP0/failed")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);

        simulator.addBatch("EMPTY", new LinkedHashMap<>());
        HttpResponse<String> empty = get(authorized(base + "/batches/EMPTY/failed"));
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).isEqualTo(EMPTY_LISTING);
    }

    // --- download ---

    @Test
    void downloadsRawBytesAndByteRanges() throws Exception {
        byte[] content = "{\"a\":1}\n{\"b\":\"원\"}\n".getBytes(StandardCharsets.UTF_8);
        simulator.addBatch("B2", files("part-00000-c000.json", content));
        String url = simulator.baseUrl() + EXPORT + "/batches/B2/failed?path=part-00000-c000.json";

        HttpResponse<byte[]> full = getBytes(authorized(url));
        assertThat(full.statusCode()).isEqualTo(200);
        assertThat(full.body()).isEqualTo(content);
        assertThat(full.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(full.headers().firstValueAsLong("Content-Length")).hasValue(content.length);

        HttpResponse<byte[]> part = getBytes(authorized(url).header("Range", "bytes=2-5"));
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 2-5/" + content.length);
        assertThat(new String(part.body(), StandardCharsets.UTF_8)).isEqualTo("a\":1");

        HttpResponse<byte[]> tail = getBytes(authorized(url).header("Range", "bytes=-4"));
        assertThat(tail.statusCode()).isEqualTo(206);
        assertThat(tail.body()).isEqualTo(java.util.Arrays.copyOfRange(content, content.length - 4, content.length));

        HttpResponse<byte[]> beyond = getBytes(authorized(url).header("Range", "bytes=9999-"));
        assertThat(beyond.statusCode()).isEqualTo(416);
        assertThat(beyond.headers().firstValue("Content-Range")).hasValue("bytes */" + content.length);

        HttpResponse<byte[]> marker = getBytes(authorized(simulator.baseUrl() + EXPORT + "/batches/B2/failed?path=_SUCCESS"));
        assertThat(marker.statusCode()).isEqualTo(200);
        assertThat(marker.body()).isEmpty();
    }

    @Test
    void hostileFileNamesRoundTripWhenUrlEncoded() throws Exception {
        List<String> names = List.of("../../x.json", "a b?c&d#e.json", "100%.json", "plus+sign.json", "ünï/元.json");
        LinkedHashMap<String, byte[]> files = new LinkedHashMap<>();
        names.forEach(name -> files.put(name, name.getBytes(StandardCharsets.UTF_8)));
        simulator.addBatch("B3", files);
        String listing = simulator.baseUrl() + EXPORT + "/batches/B3/failed";

        JsonNode page = json(get(authorized(listing)).body());
        for (JsonNode item : page.get("data")) {
            String name = item.get("name").asText();
            HttpResponse<byte[]> viaHref = getBytes(authorized(item.at("/_links/self/href").asText()));
            assertThat(viaHref.statusCode()).as(name).isEqualTo(200);
            assertThat(new String(viaHref.body(), StandardCharsets.UTF_8)).as(name)
                    .isEqualTo(name.equals("_SUCCESS") ? "" : name);
        }
        for (String name : names) {
            String formEncoded = URLEncoder.encode(name, StandardCharsets.UTF_8);
            HttpResponse<byte[]> direct = getBytes(authorized(listing + "?path=" + formEncoded));
            assertThat(new String(direct.body(), StandardCharsets.UTF_8)).isEqualTo(name);
        }
    }

    // --- faults ---

    @Test
    void failNextAnswersTheStatusWithRetryAfterAfterTheGatewayChecks() throws Exception {
        String url = simulator.baseUrl() + EXPORT + "/batches/01HZSEED0MONTH00TIMESTAMP0/failed";
        simulator.faults().failNext(2, 503, "2");

        assertThat(get(request(url)).statusCode()).as("auth is checked before faults").isEqualTo(403);
        HttpResponse<String> first = get(authorized(url));
        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(first.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(json(first.body()).get("error_code").asText()).isEqualTo("503");
        assertThat(get(authorized(url)).statusCode()).isEqualTo(503);
        assertThat(get(authorized(url)).statusCode()).isEqualTo(200);

        String httpDate = "Wed, 21 Oct 2015 07:28:00 GMT";
        simulator.faults().failNext(1, 429, httpDate);
        HttpResponse<String> throttled = get(authorized(url));
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).hasValue(httpDate);
        assertThat(throttled.body()).isEqualTo("{\"error_code\":\"429050\",\"message\":\"Too many requests\"}");

        simulator.faults().failNext(1, 500, null);
        assertThat(get(authorized(url)).headers().firstValue("Retry-After")).isEmpty();
    }

    @Test
    void downloadAndListingFaultsOnlyHitTheirKindOfRequest() throws Exception {
        String listing = simulator.baseUrl() + EXPORT + "/batches/01HZSEED0MONTH00TIMESTAMP0/failed";
        String download = listing + "?path=part-00000-44c7b669-5e38-43fb-b56c-a0686dabb982-c000.json";
        simulator.faults().failNextDownloads(1, 502, null);
        simulator.faults().failNextListings(1, 504, "1");

        assertThat(get(authorized(download)).statusCode()).isEqualTo(502);
        assertThat(get(authorized(download)).statusCode()).isEqualTo(200);
        assertThat(get(authorized(listing)).statusCode()).isEqualTo(504);
        assertThat(get(authorized(listing)).statusCode()).isEqualTo(200);

        simulator.faults().failNext(1, 500, null);
        simulator.faults().reset();
        assertThat(get(authorized(listing)).statusCode()).isEqualTo(200);
    }

    @Test
    void truncatedDownloadMakesTheClientFailThenTheNextDownloadWorks() throws Exception {
        byte[] content = "x".repeat(10_000).getBytes(StandardCharsets.UTF_8);
        simulator.addBatch("B4", files("big.json", content));
        String url = simulator.baseUrl() + EXPORT + "/batches/B4/failed?path=big.json";
        simulator.faults().truncateNextDownloads(1);

        assertThatThrownBy(() -> getBytes(authorized(url))).isInstanceOf(IOException.class);
        assertThat(getBytes(authorized(url)).body()).isEqualTo(content);
    }

    @Test
    void throttleAnswers429BeyondTheWindowBudgetThenRecovers() throws Exception {
        AtomicLong nanos = new AtomicLong();
        try (AepSimulator throttling = new AepSimulator(new SimulatorSettings().addStaticToken("t"),
                new SimulatorFaults(nanos::get)).start()) {
            String url = throttling.baseUrl() + EXPORT + "/batches/01HZSEED0MONTH00TIMESTAMP0/failed";
            throttling.faults().throttle(3, 600, "1");

            for (int i = 0; i < 3; i++) {
                assertThat(get(authorizedWith("t", url)).statusCode()).isEqualTo(200);
            }
            HttpResponse<String> throttled = get(authorizedWith("t", url));
            assertThat(throttled.statusCode()).isEqualTo(429);
            assertThat(throttled.body()).isEqualTo("{\"error_code\":\"429050\",\"message\":\"Too many requests\"}");
            assertThat(throttled.headers().firstValue("Retry-After")).hasValue("1");

            nanos.addAndGet(Duration.ofMillis(599).toNanos());
            assertThat(get(authorizedWith("t", url)).statusCode()).as("still inside the window").isEqualTo(429);
            nanos.addAndGet(Duration.ofMillis(1).toNanos());
            assertThat(get(authorizedWith("t", url)).statusCode()).as("the window has slid past").isEqualTo(200);
        }
    }

    @Test
    void heldRequestsAreServedConcurrentlyAndCountedWhileInFlight() throws Exception {
        String url = simulator.baseUrl() + EXPORT + "/batches/01HZSEED0MONTH00TIMESTAMP0/failed";
        simulator.faults().holdRequests();

        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            calls.add(http.sendAsync(authorized(url).build(), HttpResponse.BodyHandlers.ofString()));
        }
        InFlightGauge inFlight = simulator.dataRequestsInFlight();
        await().atMost(Duration.ofSeconds(30)).until(() -> inFlight.current() == 12);
        assertThat(calls).noneMatch(CompletableFuture::isDone);

        simulator.faults().releaseRequests();
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            assertThat(call.get().statusCode()).isEqualTo(200);
        }
        assertThat(inFlight.current()).isZero();
        assertThat(inFlight.max()).isEqualTo(12);
    }

    // --- demo data and bookkeeping ---

    @Test
    void demoBatchesAreListedAndEveryFileIsDownloadable() throws Exception {
        assertThat(simulator.demoBatchIds()).containsExactly(
                "01HZSEED0MONTH00TIMESTAMP0", "01HZDCVS0STREAMING00000001", "01HZROWERRORS0000000000001",
                "01HZSTRINGENCODED00000001", "01HZPROBLEMJSON0000000001", "01HZAPPENDIX0000000000001",
                "af838510-2233-11ea-acf0-f3edfcded2d2");
        int files = 0;
        int invalidJsonLines = 0;
        for (String batchId : simulator.demoBatchIds()) {
            JsonNode page = json(get(authorized(simulator.baseUrl() + EXPORT + "/batches/" + batchId + "/failed")).body());
            if (batchId.equals("01HZROWERRORS0000000000001")) {
                // a successful batch with error diagnostics: no failed file, its row errors under meta
                assertThat(page.get("data")).as(batchId).isEmpty();
                page = json(get(authorized(simulator.baseUrl() + EXPORT + "/batches/" + batchId + "/meta?path=row_errors"))
                        .body());
                assertThat(page.get("data")).extracting(item -> item.get("name").asText())
                        .containsExactly("parsing_errors_0.json", "conversion_errors_0.json");
            } else {
                assertThat(page.at("/data/0/name").asText()).as(batchId).isEqualTo("_SUCCESS");
            }
            for (JsonNode item : page.get("data")) {
                HttpResponse<byte[]> file = getBytes(authorized(item.at("/_links/self/href").asText()));
                assertThat(file.statusCode()).isEqualTo(200);
                assertThat(Integer.toString(file.body().length)).isEqualTo(item.get("length").asText());
                if (!item.get("name").asText().equals("_SUCCESS")) {
                    files++;
                    invalidJsonLines += invalidJsonLines(new String(file.body(), StandardCharsets.UTF_8));
                }
            }
        }
        assertThat(files).isEqualTo(13);
        assertThat(invalidJsonLines).as("only the appendix's deliberate malformed line").isEqualTo(1);

        String seed = new String(getBytes(authorized(simulator.baseUrl() + EXPORT
                + "/batches/01HZSEED0MONTH00TIMESTAMP0/failed?path=part-00000-44c7b669-5e38-43fb-b56c-a0686dabb982-c000.json"))
                .body(), StandardCharsets.UTF_8);
        assertThat(json(seed).at("/_validationErrors/0/keyword").asText()).isEqualTo("format");
        assertThat(seed).contains("\"message\": \"[2018-00-23T22:07:01Z] is not a valid date-time.");
    }

    @Test
    void withoutDemoDataNoDemoBatchIsKnown() throws Exception {
        try (AepSimulator bare = new AepSimulator(new SimulatorSettings().loadDemoData(false)
                .staticTokens(Set.of("t"))).start()) {
            assertThat(bare.demoBatchIds()).isEmpty();
            assertThat(get(authorizedWith("t", bare.baseUrl() + EXPORT + "/batches/01HZSEED0MONTH00TIMESTAMP0/failed"))
                    .statusCode()).isEqualTo(404);
        }
    }

    @Test
    void recordsRequestsWithLowerCaseHeadersAndNeverPrintsTheToken() throws Exception {
        simulator.clearRequests();
        String url = simulator.baseUrl() + EXPORT + "/batches/01HZSEED0MONTH00TIMESTAMP0/failed?start=0&limit=5";
        get(authorized(url));
        get(request(url));

        List<RecordedRequest> requests = simulator.requests();
        assertThat(requests).hasSize(2);
        RecordedRequest first = requests.get(0);
        assertThat(first.method()).isEqualTo("GET");
        assertThat(first.path()).isEqualTo(EXPORT + "/batches/01HZSEED0MONTH00TIMESTAMP0/failed");
        assertThat(first.rawQuery()).isEqualTo("start=0&limit=5");
        assertThat(first.headers()).containsEntry("x-sandbox-name", "prod").containsEntry("authorization", "Bearer " + token);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.toString()).doesNotContain(token);
        assertThat(requests.get(1).status()).isEqualTo(403);
    }

    @Test
    void startIsIdempotentAndBaseUrlNeedsAStartedServer() {
        String baseUrl = simulator.baseUrl();
        assertThat(simulator.start().baseUrl()).isEqualTo(baseUrl).startsWith("http://127.0.0.1:");
        assertThat(simulator.tokenUrl()).isEqualTo(baseUrl + "/ims/token/v3");
        AepSimulator notStarted = new AepSimulator(new SimulatorSettings().loadDemoData(false));
        assertThatThrownBy(notStarted::baseUrl).isInstanceOf(IllegalStateException.class);
        notStarted.close();
    }

    // --- helpers ---

    private String issueToken() throws Exception {
        HttpResponse<String> response = postToken(CREDENTIALS);
        assertThat(response.statusCode()).isEqualTo(200);
        return json(response.body()).get("access_token").asText();
    }

    private HttpResponse<String> postToken(String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(simulator.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5));
    }

    private HttpRequest.Builder authorized(String url) {
        return authorizedWith(token, url);
    }

    private static HttpRequest.Builder authorizedWith(String accessToken, String url) {
        return request(url)
                .header("Authorization", "Bearer " + accessToken)
                .header("x-api-key", "demo-client")
                .header("x-gw-ims-org-id", ORG)
                .header("x-sandbox-name", "prod");
    }

    private HttpResponse<String> get(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> getBytes(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private void assertRejected(HttpRequest.Builder request, int status, String body) throws Exception {
        HttpResponse<String> response = get(request);
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.body()).isEqualTo(body);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    }

    private static LinkedHashMap<String, byte[]> files(String name, byte[] content) {
        LinkedHashMap<String, byte[]> files = new LinkedHashMap<>();
        files.put(name, content);
        return files;
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 0 when the text is one JSON document (pretty or not); otherwise the number of NDJSON lines that do not parse. */
    private static int invalidJsonLines(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        try {
            JSON.readTree(text);
            if (text.strip().indexOf('\n') < 0 || text.startsWith("{\n")) {
                return 0;
            }
        } catch (IOException notASingleDocument) {
            // fall through to line-by-line
        }
        int invalid = 0;
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JSON.readTree(line);
            } catch (IOException e) {
                invalid++;
            }
        }
        return invalid;
    }
}
