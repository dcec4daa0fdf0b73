package org.meshledger.embeddedstore;

import de.bwaldvogel.mongo.MongoVersion;
import java.util.List;

/** Current MongoDB drivers refuse servers that report themselves older than 4.2; the embedded server speaks enough. */
enum ModernServerVersion implements MongoVersion {
    MONGO_5_0;

    @Override
    public List<Integer> getVersionArray() {
        return List.of(5, 0, 0);
    }

    @Override
    public int getWireVersion() {
        return 13;
    }
}
