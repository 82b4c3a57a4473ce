package dev.aep.failedbatches.simulator;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Access tokens issued by the simulated IMS, with their expiry. */
final class TokenStore {

    private final SimulatorSettings settings;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Long> expiryByToken = new ConcurrentHashMap<>();
    private final AtomicInteger issued = new AtomicInteger();

    TokenStore(SimulatorSettings settings) {
        this.settings = settings;
    }

    String issue() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        expiryByToken.put(token, System.currentTimeMillis() + settings.tokenTtlSeconds() * 1000L);
        issued.incrementAndGet();
        return token;
    }

    boolean isValid(String token) {
        if (settings.staticTokens().contains(token)) {
            return true;
        }
        Long expiry = expiryByToken.get(token);
        return expiry != null && System.currentTimeMillis() < expiry;
    }

    void expireAll() {
        expiryByToken.clear();
    }

    int issuedCount() {
        return issued.get();
    }
}
