package org.meshledger.query.drift;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.meshledger.query.support.CreateOnce;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Hands out drift cursors from one counter that every query-side replica shares, and remembers which entry got which,
 * so a replay rebuilds every entry under the cursor it had. Neither collection is cleared by a replay.
 */
@Component
public class DriftCursors {

    private static final String COUNTER = "drift";

    private final MongoTemplate mongo;

    DriftCursors(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * The cursor of each entry key: the one it was given before (a replay), else a new one, given in the order of
     * {@code entryKeys} from one block of the counter. Where another replica gave a key its cursor first, that one.
     */
    Map<String, Long> cursorsFor(List<String> entryKeys) {
        Map<String, Long> cursors = assigned(entryKeys);
        List<String> unassigned =
                entryKeys.stream().filter(key -> !cursors.containsKey(key)).toList();
        if (unassigned.isEmpty()) {
            return cursors;
        }
        long first = next(unassigned.size()) - unassigned.size() + 1;
        List<Assigned> given = new ArrayList<>(unassigned.size());
        for (int position = 0; position < unassigned.size(); position++) {
            given.add(new Assigned(unassigned.get(position), first + position));
        }
        Set<Integer> raced = CreateOnce.insertAll(mongo, given);
        for (int position = 0; position < given.size(); position++) {
            if (!raced.contains(position)) {
                cursors.put(given.get(position).entryKey(), given.get(position).cursor());
            }
        }
        if (!raced.isEmpty()) {
            cursors.putAll(assigned(
                    raced.stream().map(position -> unassigned.get(position)).toList()));
        }
        return cursors;
    }

    private Map<String, Long> assigned(List<String> entryKeys) {
        Map<String, Long> cursors = new HashMap<>();
        mongo.find(new Query(Criteria.where("_id").in(entryKeys)), Assigned.class)
                .forEach(assigned -> cursors.put(assigned.entryKey(), assigned.cursor()));
        return cursors;
    }

    /** The highest cursor handed out so far; entries up to it are stored or about to be. */
    public long latest() {
        Counter counter = mongo.findById(COUNTER, Counter.class);
        return counter == null ? 0 : counter.value();
    }

    /** Hands out {@code count} cursors: @return the last of them */
    private long next(int count) {
        Counter counter = mongo.findAndModify(
                new Query(Criteria.where("_id").is(COUNTER)),
                new Update().inc("value", count),
                FindAndModifyOptions.options().upsert(true).returnNew(true),
                Counter.class);
        return counter.value();
    }

    @Document("drift_cursor_counter")
    record Counter(@Id String id, long value) {}

    @Document("drift_cursor_assignments")
    record Assigned(@Id String entryKey, long cursor) {}
}
