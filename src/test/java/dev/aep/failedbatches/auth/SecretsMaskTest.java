package dev.aep.failedbatches.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The one masking rule set: what is masked, in which forms, and which look-alike words stay readable. */
class SecretsMaskTest {

    static Stream<Arguments> maskedOrKept() {
        return Stream.of(
                // schemes
                Arguments.of("Authorization: Bearer eyJhbGciOi.eyJzdWIi.c2lnbmF0dXJl", "Authorization: Bearer ****"),
                Arguments.of("Authorization: Basic dXNlcjpwYXNzd29yZA==", "Authorization: Basic ****"),
                Arguments.of("Proxy-Authorization: basic dXNlcjpwYXNz", "Proxy-Authorization: basic ****"),
                Arguments.of("authorization=Basic dXNlcjpwYXNz, next", "authorization=Basic ****, next"),
                Arguments.of("{Authorization=Bearer tok-1, x-api-key=demo-client}",
                        "{Authorization=Bearer ****, x-api-key=demo-client}"),
                Arguments.of("\"authorization\":\"Bearer tok-1\"", "\"authorization\":\"Bearer ****\""),
                Arguments.of("sent with bearer tok-1 to AEP", "sent with bearer **** to AEP"),
                // tokens: k=v, k: v, "k":"v", escaped JSON, URL-encoded
                Arguments.of("access_token=tok-1&x=1", "access_token=****&x=1"),
                Arguments.of("access-token: tok-1", "access-token: ****"),
                Arguments.of("accessToken=tok-1", "accessToken=****"),
                Arguments.of("aep.auth.access-token=tok-1", "aep.auth.access-token=****"),
                Arguments.of("{\"access_token\":\"tok-1\",\"token_type\":\"bearer\",\"expires_in\":86399}",
                        "{\"access_token\":\"****\",\"token_type\":\"bearer\",\"expires_in\":86399}"),
                Arguments.of("{\"access_token\" : \"tok-1\"}", "{\"access_token\" : \"****\"}"),
                Arguments.of("{\\\"access_token\\\":\\\"tok-1\\\"}", "{\\\"access_token\\\":\\\"****\\\"}"),
                Arguments.of("refresh_token=ref-1", "refresh_token=****"),
                Arguments.of("\"refreshToken\": \"ref-1\"", "\"refreshToken\": \"****\""),
                Arguments.of("token=tok-1", "token=****"),
                Arguments.of("Token: tok-1", "Token: ****"),
                Arguments.of("q=%22access_token%22%3A%22tok-1%22", "q=%22access_token%22%3A%22****"),
                // client secrets and passwords
                Arguments.of("client_secret=sec-1", "client_secret=****"),
                Arguments.of("client-secret=sec-1", "client-secret=****"),
                Arguments.of("clientSecret=sec-1", "clientSecret=****"),
                Arguments.of("\"client_secret\":\"sec-1\"", "\"client_secret\":\"****\""),
                Arguments.of("grant_type=client_credentials&client_id=demo&client_secret=s%2B1%2F2&scope=openid",
                        "grant_type=client_credentials&client_id=demo&client_secret=****&scope=openid"),
                Arguments.of("body=client_secret%3Ds%2B1", "body=client_secret%3D****"),
                Arguments.of("password=pw-1", "password=****"),
                Arguments.of("{\"password\": \"two words\"}", "{\"password\": \"****\"}"),
                Arguments.of("password='pw 1'", "password='****'"),
                Arguments.of("aep.sinks.jms.password: pw-1", "aep.sinks.jms.password: ****"),
                Arguments.of("Found property: aep.auth.client-secret with value: sec-1 to be used.",
                        "Found property: aep.auth.client-secret with value: **** to be used."),
                Arguments.of("Found property: aep.auth.access-token with value: tok-1 to be used.",
                        "Found property: aep.auth.access-token with value: **** to be used."),
                Arguments.of("Found property: aep.ims.token-url with value: https://ims.example/ims/token/v3 to be used.",
                        "Found property: aep.ims.token-url with value: https://ims.example/ims/token/v3 to be used."),
                // several in one line
                Arguments.of("token=a, client_secret=b, Authorization: Bearer c",
                        "token=****, client_secret=****, Authorization: Bearer ****"),
                // readable: a key needs its separator; the value stays on its line
                Arguments.of("tokenUrl=https://ims-na1.adobelogin.com/ims/token/v3",
                        "tokenUrl=https://ims-na1.adobelogin.com/ims/token/v3"),
                Arguments.of("aep.ims.token-url=https://ims.example/ims/token/v3",
                        "aep.ims.token-url=https://ims.example/ims/token/v3"),
                Arguments.of("\"token_type\":\"bearer\"", "\"token_type\":\"bearer\""),
                Arguments.of("Obtained an IMS access token valid for 86399 s",
                        "Obtained an IMS access token valid for 86399 s"),
                Arguments.of("tokens: 5, passwordless: true", "tokens: 5, passwordless: true"),
                Arguments.of("token:\nnext line", "token:\nnext line"),
                Arguments.of("Authorization: Bearer ****", "Authorization: Bearer ****"),
                Arguments.of("Batch 01ABC completed: 3 errors", "Batch 01ABC completed: 3 errors"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("maskedOrKept")
    void masksCredentialsAndKeepsTheRest(String input, String expected) {
        assertThat(Secrets.mask(input)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "in place: {0}")
    @MethodSource("maskedOrKept")
    void masksInPlaceFromAnOffset(String input, String expected) {
        StringBuilder line = new StringBuilder("prefix token=untouched|").append(input);
        Secrets.mask(line, "prefix token=untouched|".length());
        assertThat(line.toString()).isEqualTo("prefix token=untouched|" + expected);
    }

    @Test
    void nullStaysNull() {
        assertThat(Secrets.mask(null)).isNull();
    }
}
