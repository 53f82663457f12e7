package dev.vodcert;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code certs status} (free certificates, from the store) and {@code certs sync} (the edge feed into files). */
@Command(name = "certs", mixinStandardHelpOptions = true,
        subcommands = {CertsStatusCommand.class, CertsSyncCommand.class},
        description = "Certificates: 'status' shows each free certificate's state; 'sync' writes the served "
                + "certificates for nginx or HAProxy.")
final class CertsCommand implements Runnable {

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }
}
