package org.meshledger.launcher;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import org.meshledger.platform.eventstore.ExtensionEventMigration;

/**
 * {@code java -jar meshledger.jar migrate-events --uri=mongodb://… [--from-database=meshledger]
 * [--to-database=meshledger]}: copies the events a deployment stored with the Axon Mongo extension's engine into the
 * ledger's event log. Run it with the services stopped, then start them with an empty views database.
 */
final class MigrateEventsCommand {

    static final String NAME = "migrate-events";

    private MigrateEventsCommand() {}

    static int run(String[] args, PrintStream out) {
        Map<String, String> options = new HashMap<>(Map.of("from-database", "meshledger", "to-database", "meshledger"));
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                out.println("Unexpected argument '" + arg + "'. Usage: migrate-events --uri=mongodb://host:27017"
                        + " [--from-database=meshledger] [--to-database=meshledger]");
                return 2;
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        if (!options.containsKey("uri")) {
            out.println("migrate-events needs --uri=mongodb://… naming the MongoDB that holds the events");
            return 2;
        }
        try (MongoClient client = MongoClients.create(options.get("uri"))) {
            ExtensionEventMigration.Result result = ExtensionEventMigration.migrate(
                    client.getDatabase(options.get("from-database"))
                            .getCollection(ExtensionEventMigration.EXTENSION_EVENTS),
                    client.getDatabase(options.get("to-database")));
            out.printf(
                    "Copied %d events of %d aggregates into %s.events (global indexes from %d).%n"
                            + "Start the services with an empty views database so every view is rebuilt.%n",
                    result.events(), result.aggregates(), options.get("to-database"), result.firstIndex());
            return 0;
        } catch (IllegalStateException refused) {
            out.println(refused.getMessage());
            return 1;
        }
    }
}
