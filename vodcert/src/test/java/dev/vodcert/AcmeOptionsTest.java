package dev.vodcert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vodcert.issuance.AcmeSettings;
import dev.vodcert.issuance.DomainKeyType;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The serve command's ACME options become the issuer's settings; none given, no ACME. */
class AcmeOptionsTest {
    static AcmeOptions parse(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "serve";
        System.arraycopy(args, 0, all, 1, args.length);
        CommandLine.ParseResult result = Main.commandLine().parseArgs(all);
        return ((Main.Serve) result.subcommand().commandSpec().userObject()).options.acme;
    }

    @Test
    void everyOptionReachesTheSettings() {
        AcmeOptions options = parse("--acme-directory", "acme://letsencrypt.org/staging", "--acme-email",
                "ops@example.com", "--acme-trust-store", "/etc/vodcert/ca.pem", "--acme-key-type", "rsa-2048",
                "--http01-host", "127.0.0.1", "--http01-port", "8089");

        AcmeSettings settings = options.settings();
        assertThat(settings.directory()).isEqualTo(URI.create("acme://letsencrypt.org/staging"));
        assertThat(settings.email()).isEqualTo("ops@example.com");
        assertThat(settings.trustStore()).isEqualTo(Path.of("/etc/vodcert/ca.pem"));
        assertThat(settings.keyType()).isEqualTo(DomainKeyType.RSA_2048);
        assertThat(options.http01Host).isEqualTo("127.0.0.1");
        assertThat(options.http01Port).isEqualTo(8089);
    }

    @Test
    void withoutADirectoryThereIsNoAcmeAndTheListenerDefaultsArePort80OnEveryAddress() {
        AcmeOptions options = parse();

        assertThat(options.settings()).as("VODCERT_ACME_DIRECTORY must be unset for this test").isNull();
        assertThat(options.http01Host).isEqualTo("0.0.0.0");
        assertThat(options.http01Port).isEqualTo(80);
        assertThat(options.keyType).isEqualTo("ec-p256");
    }

    @Test
    void aDirectoryThatIsNoUriIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> parse("--acme-directory", "https://bad host/dir").settings())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--acme-directory is not a URI: 'https://bad host/dir'");
    }
}
