package news.moderation.local;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * mongo-java-server speaking the MongoDB wire protocol, for tests (in memory) and the local stack
 * (persisted to an H2 file so data survives a restart). Production uses real MongoDB.
 *
 * <pre>{@code
 * try (var mongo = LocalMongo.inMemory()) {
 *     String uri = mongo.uri("moderation");   // mongodb://127.0.0.1:PORT/moderation
 * }
 * }</pre>
 */
public final class LocalMongo implements AutoCloseable {

    private final MongoServer server;
    private final InetSocketAddress address;

    private LocalMongo(MongoServer server, InetSocketAddress address) {
        this.server = server;
        this.address = address;
    }

    public static LocalMongo inMemory() {
        var server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        return new LocalMongo(server, server.getLocalAddress());
    }

    public static LocalMongo persistent(Path file, int port) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        var server = new MongoServer(new H2Backend(file.toAbsolutePath().toString()));
        server.bind("127.0.0.1", port);
        return new LocalMongo(server, server.getLocalAddress());
    }

    public String uri(String database) {
        return "mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + database;
    }

    public int port() {
        return address.getPort();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
