package dev.vodcert.bench;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;

/**
 * A name server on 127.0.0.1 that answers every query NXDOMAIN, as a real resolver answers for the
 * seeded names (none of them exists): the service's CNAME checks of the seeded free certificates then
 * end in {@code cname_error} and back off as the lifecycle's timing says, instead of timing out and
 * being retried (what the service does when its resolver does not answer at all).
 */
final class NxDomainResolver implements AutoCloseable {
    private final DatagramSocket socket;
    private final Thread thread;

    NxDomainResolver() throws IOException {
        socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        thread = new Thread(this::serve, "nxdomain-resolver");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        byte[] buffer = new byte[512];
        while (!socket.isClosed()) {
            try {
                DatagramPacket in = new DatagramPacket(buffer, buffer.length);
                socket.receive(in);
                Message query = new Message(java.util.Arrays.copyOf(in.getData(), in.getLength()));
                Message answer = new Message(query.getHeader().getID());
                answer.getHeader().setFlag(Flags.QR);
                answer.getHeader().setFlag(Flags.RA);
                if (query.getHeader().getFlag(Flags.RD)) {
                    answer.getHeader().setFlag(Flags.RD);
                }
                answer.getHeader().setRcode(Rcode.NXDOMAIN);
                if (query.getQuestion() != null) {
                    answer.addRecord(query.getQuestion(), Section.QUESTION);
                }
                byte[] wire = answer.toWire();
                socket.send(new DatagramPacket(wire, wire.length, in.getSocketAddress()));
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
