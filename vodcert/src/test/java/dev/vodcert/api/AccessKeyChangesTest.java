package dev.vodcert.api;

import dev.vodcert.account.AccessKeys;
import dev.vodcert.account.NewAccessKey;
import dev.vodcert.testing.SignedClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A key's state is read on every request, though its decrypted secret is remembered: a key that has
 * just answered is refused on the very next request once disabled or deleted, and a key id given a
 * new secret accepts only the new one.
 */
class AccessKeyChangesTest extends ApiTestBase {

    private SignedClient signedWith(NewAccessKey key) {
        return new SignedClient(server.port(), key.accessKeyId(), key.accessKeySecret());
    }

    private SignedClient.Answer describe(SignedClient c) {
        return c.call("DescribeVodDomainCertificateInfo", Map.of("DomainName", "nothing-here.vodcert-test.com"));
    }

    @Test
    void aDisabledKeyIsRefusedOnTheNextRequestAndAcceptedAgainWhenEnabled() {
        AccessKeys keys = server.app().accessKeys();
        NewAccessKey key = keys.create(keys.account("default"));
        SignedClient c = signedWith(key);
        assertError(describe(c), 404, "InvalidDomain.NotFound");
        assertError(describe(c), 404, "InvalidDomain.NotFound");

        keys.setEnabled(key.accessKeyId(), false);
        assertError(describe(c), 400, "InvalidAccessKeyId.Inactive");

        keys.setEnabled(key.accessKeyId(), true);
        assertError(describe(c), 404, "InvalidDomain.NotFound");
    }

    @Test
    void aDeletedKeyIsRefusedOnTheNextRequest() {
        AccessKeys keys = server.app().accessKeys();
        NewAccessKey key = keys.create(keys.account("default"));
        SignedClient c = signedWith(key);
        assertError(describe(c), 404, "InvalidDomain.NotFound");

        keys.delete(key.accessKeyId());
        assertError(describe(c), 404, "InvalidAccessKeyId.NotFound");
    }

    @Test
    void aKeyIdGivenANewSecretAcceptsOnlyTheNewSecret() {
        AccessKeys keys = server.app().accessKeys();
        long account = keys.account("default");
        NewAccessKey first = keys.add(account, "LTAIrotated0000000001", "firstSecret000000000000000000");
        assertError(describe(signedWith(first)), 404, "InvalidDomain.NotFound");

        keys.delete(first.accessKeyId());
        NewAccessKey second = keys.add(account, first.accessKeyId(), "secondSecret00000000000000000");
        assertError(describe(signedWith(first)), 400, "SignatureDoesNotMatch");
        assertError(describe(signedWith(second)), 404, "InvalidDomain.NotFound");
    }
}
