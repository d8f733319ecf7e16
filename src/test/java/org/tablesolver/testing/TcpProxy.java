package org.tablesolver.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy in front of PostgreSQL that can break the connections going through it the way networks do: stop
 * forwarding on the connections open now (a half-open connection: the peers see nothing, not even a reset), or
 * drop only what the server sends on them (a COMMIT arrives and is carried out, its answer never comes back).
 * Connections opened afterwards work normally.
 */
public final class TcpProxy implements AutoCloseable {

    private enum Mode { FORWARD, FROZEN, DROP_REPLIES }

    private final class Link {
        final Socket client;
        final Socket server;
        volatile Mode mode = Mode.FORWARD;

        Link(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void close() {
            try {
                client.close();
            } catch (IOException ignored) {
                // closing
            }
            try {
                server.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final List<Link> links = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    public TcpProxy(InetSocketAddress target) throws IOException {
        this.target = target;
        this.listener = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "tcp-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /**
     * The connection whose server side starts at {@code port} (PostgreSQL's {@code inet_client_port()} on it)
     * stops forwarding in both directions, for good.
     */
    public void freeze(int port) {
        link(port).mode = Mode.FROZEN;
    }

    /** On the connection whose server side starts at {@code port}, what the server sends is dropped from now on. */
    public void dropReplies(int port) {
        link(port).mode = Mode.DROP_REPLIES;
    }

    private Link link(int port) {
        return links.stream().filter(link -> link.server.getLocalPort() == port).findFirst()
                .orElseThrow(() -> new IllegalStateException("no proxied connection from port " + port));
    }

    /** Every connection open now stops forwarding in both directions, for good. */
    public void freezeOpenConnections() {
        links.forEach(link -> link.mode = Mode.FROZEN);
    }

    /** On every connection open now, what the server sends is dropped; what the client sends still arrives. */
    public void dropRepliesOnOpenConnections() {
        links.forEach(link -> link.mode = Mode.DROP_REPLIES);
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket();
                server.connect(target, 5_000);
                Link link = new Link(client, server);
                links.add(link);
                pump(link, client.getInputStream(), server.getOutputStream(), false);
                pump(link, server.getInputStream(), client.getOutputStream(), true);
            } catch (IOException e) {
                if (!closed) {
                    // a refused backend connection: the client sees its socket closed
                    continue;
                }
            }
        }
    }

    private void pump(Link link, InputStream in, OutputStream out, boolean fromServer) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try {
                while (true) {
                    int n = in.read(buffer);
                    if (n < 0) {
                        break;
                    }
                    Mode mode = link.mode;
                    if (mode == Mode.FROZEN) {
                        // Silence: neither forwarded nor answered, the connection stays open.
                        while (!closed) {
                            Thread.sleep(100);
                        }
                        return;
                    }
                    if (mode == Mode.DROP_REPLIES && fromServer) {
                        continue;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // the link is gone
            }
            if (link.mode == Mode.FORWARD) {
                link.close();
            }
        }, "tcp-proxy-" + (fromServer ? "down" : "up"));
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing
        }
        links.forEach(Link::close);
    }
}
