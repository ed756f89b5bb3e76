package fr.convergence.kit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import java.util.concurrent.TimeUnit;

/**
 * How the platform opens a MongoDB connection: the service's data store, and any store kept apart with credentials
 * of its own (participant-service's key vault) get the same durability and timeouts.
 */
public final class MongoConnections {

    private MongoConnections() {
    }

    /** A client of the connection string (which carries the credentials), majority-acknowledged and journaled. */
    public static MongoClient open(String uri) {
        ConnectionString connection = new ConnectionString(uri);
        // Majority + journal: an acknowledged write survives a primary failover on a real replica set.
        // The embedded store commits and syncs every write before answering (deploy/DurableH2Backend).
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(connection)
                .writeConcern(connection.getWriteConcern() != null ? connection.getWriteConcern()
                        : WriteConcern.MAJORITY.withJournal(true))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(10, TimeUnit.SECONDS))
                .applyToSocketSettings(s -> s.connectTimeout(5, TimeUnit.SECONDS).readTimeout(30, TimeUnit.SECONDS))
                .build();
        return MongoClients.create(settings);
    }
}
