package org.meshledger.embeddedstore;

import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.Set;
import org.h2.mvstore.MVStore;

/**
 * The H2 file backend commits about once a second by itself, so a kill in that second loses writes that were already
 * acknowledged. This one commits every write before answering it: nothing acknowledged is lost to a crash.
 *
 * <p>Except in databases named {@code *_views}: views and the tokens that say how far they have read are rebuilt from
 * the events, so they are left to the backend's own commits. A commit is a snapshot of every database at one moment,
 * and a view is written before the token that covers it, so a crash takes both back to a point the views replay
 * from; it cannot leave a token ahead of its views. Committing each view write would double the work of keeping a
 * view and gain nothing.
 */
final class DurableH2Backend extends IndexedH2Backend {

    private static final Set<String> WRITES = Set.of(
            "insert",
            "update",
            "delete",
            "findandmodify",
            "create",
            "createindexes",
            "drop",
            "dropindexes",
            "dropdatabase",
            "renamecollection");

    static final String REBUILDABLE = "_views";

    /**
     * Chunks are rewritten in the background once under this share of them is live data. MVStore's default, 90 %,
     * kept its background threads rewriting chunks most of the time, since every commit leaves a chunk's old pages
     * behind: under reads after a run of writes they took up to two fifths of the store's CPU, and reads waited for the
     * cores. At 40 % the store used a quarter less CPU per read and a tenth to a fifth less while taking commands,
     * for a file up to an eighth larger (bench/README.md).
     */
    private static final int COMPACT_BELOW_PERCENT_LIVE = 40;

    DurableH2Backend(String fileName) {
        super(new MVStore.Builder()
                .fileName(fileName)
                .autoCompactFillRate(COMPACT_BELOW_PERCENT_LIVE)
                .open());
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        Document answer = super.handleCommand(channel, databaseName, command, query);
        if (WRITES.contains(command.toLowerCase(java.util.Locale.ROOT)) && !databaseName.endsWith(REBUILDABLE)) {
            commit();
        }
        return answer;
    }
}
