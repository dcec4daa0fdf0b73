package org.meshledger.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.erdtman.jcs.JsonCanonicalizer;
import org.meshledger.platform.audit.Checkpoints.Checkpoint;

/** Signs checkpoint exports with Ed25519, over their canonical JSON, so a copy kept outside proves what was seen. */
public class CheckpointSigner {

    static final String ALGORITHM = "Ed25519";

    private final KeyPair keys;

    public CheckpointSigner(KeyPair keys) {
        this.keys = keys;
    }

    String digest(List<CheckpointHead> heads) {
        List<SignedCheckpoint.Head> listed = listed(heads);
        try {
            String canonical = canonical(new ObjectMapper().writeValueAsString(listed));
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (JsonProcessingException | GeneralSecurityException impossible) {
            throw new IllegalStateException("Cannot digest the checkpoint", impossible);
        }
    }

    SignedCheckpoint sign(Checkpoint checkpoint, List<CheckpointHead> heads, ObjectMapper json) {
        SignedCheckpoint unsigned = new SignedCheckpoint(
                checkpoint.number(), checkpoint.takenAt().toString(), checkpoint.digest(), listed(heads), null);
        try {
            ObjectNode body = json.valueToTree(unsigned);
            body.remove("signature");
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(keys.getPrivate());
            signature.update(canonical(body.toString()).getBytes(StandardCharsets.UTF_8));
            return new SignedCheckpoint(
                    unsigned.checkpoint(),
                    unsigned.takenAt(),
                    unsigned.digest(),
                    unsigned.heads(),
                    new SignedCheckpoint.Signature(
                            ALGORITHM,
                            Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()),
                            Base64.getEncoder().encodeToString(signature.sign())));
        } catch (GeneralSecurityException failed) {
            throw new IllegalStateException("Cannot sign the checkpoint", failed);
        }
    }

    private static List<SignedCheckpoint.Head> listed(List<CheckpointHead> heads) {
        return heads.stream()
                .map(head -> new SignedCheckpoint.Head(head.aggregateId(), head.sequence(), head.hash()))
                .toList();
    }

    private static String canonical(String json) {
        try {
            return new JsonCanonicalizer(json).getEncodedString();
        } catch (java.io.IOException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }
}
