package dev.aep.failedbatches.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aep.failedbatches.sinks.EmailTransportSecurity.Mode;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class EmailTransportSecurityTest {

    @Test
    void autoMeansRequiredStartTlsWithCredentialsAndNothingWithout() {
        assertThat(EmailTransportSecurity.mode(null, true)).isEqualTo(Mode.STARTTLS);
        assertThat(EmailTransportSecurity.mode("auto", false)).isEqualTo(Mode.NONE);
        assertThat(EmailTransportSecurity.mode(" SMTPS ", true)).isEqualTo(Mode.SMTPS);
        assertThat(EmailTransportSecurity.mode("none", true)).isEqualTo(Mode.NONE);
        assertThatThrownBy(() -> EmailTransportSecurity.mode("tls", true)).hasMessageContaining("aep.sinks.email.tls");
    }

    @Test
    void startTlsIsRequiredNotOpportunisticAndCertificatesAreCheckedUnlessTrusted() {
        Properties startTls = EmailTransportSecurity.javaMailProperties(Mode.STARTTLS, "");
        assertThat(startTls).containsEntry("mail.smtp.starttls.enable", "true")
                .containsEntry("mail.smtp.starttls.required", "true").containsEntry("mail.smtp.ssl.enable", "false")
                .containsEntry("mail.smtp.ssl.checkserveridentity", "true").doesNotContainKey("mail.smtp.ssl.trust");
        Properties smtps = EmailTransportSecurity.javaMailProperties(Mode.SMTPS, "mail.test");
        assertThat(smtps).containsEntry("mail.smtp.ssl.enable", "true").containsEntry("mail.smtp.ssl.trust", "mail.test");
    }
}
