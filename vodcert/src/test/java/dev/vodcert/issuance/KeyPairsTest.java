package dev.vodcert.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import org.junit.jupiter.api.Test;

/** Key pairs written for storage read back as the same pair, with the JDK's providers only. */
class KeyPairsTest {
    @Test
    void ecAndRsaPairsSurviveTheirPemForm() {
        for (KeyPair pair : new KeyPair[] {KeyPairs.ecP256(), KeyPairs.rsa(2048)}) {
            KeyPair back = KeyPairs.readKeyPair(KeyPairs.keyPairPem(pair));

            assertThat(back.getPrivate().getEncoded()).isEqualTo(pair.getPrivate().getEncoded());
            assertThat(back.getPublic().getEncoded()).isEqualTo(pair.getPublic().getEncoded());
        }
    }

    @Test
    void somethingElseIsRefusedWithoutShowingIt() {
        String onlyPrivate = KeyPairs.privateKeyPem(KeyPairs.ecP256());

        assertThatThrownBy(() -> KeyPairs.readKeyPair(onlyPrivate))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the stored key pair is not a PRIVATE KEY and a PUBLIC KEY block");
    }
}
