package dev.aep.failedbatches.simulator;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Settings of the embedded AEP simulator. Fluent setters ({@code clientId("x")}) return {@code this};
 * getters have the same name without argument ({@code clientId()}).
 */
public final class SimulatorSettings {

    private String clientId = "demo-client";
    private String clientSecret = "demo-secret";
    private String orgId = "DEMO0000000000000000000@AdobeOrg";
    private String sandbox = "prod";
    private final Set<String> extraSandboxes = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private long tokenTtlSeconds = 86399;
    private final Set<String> staticTokens = Collections.synchronizedSet(new LinkedHashSet<>());
    private boolean loadDemoData = true;
    private int port = 0;
    private int pageLimitDefault = 100;
    private String downloadContentType = "application/json";

    public String clientId() { return clientId; }
    public SimulatorSettings clientId(String value) { this.clientId = value; return this; }

    public String clientSecret() { return clientSecret; }
    public SimulatorSettings clientSecret(String value) { this.clientSecret = value; return this; }

    public String orgId() { return orgId; }
    public SimulatorSettings orgId(String value) { this.orgId = value; return this; }

    public String sandbox() { return sandbox; }
    public SimulatorSettings sandbox(String value) { this.sandbox = value; return this; }

    /** Further sandboxes served with the same batches (for clients that work on several sandboxes). */
    public Set<String> extraSandboxes() { return extraSandboxes; }
    public SimulatorSettings extraSandboxes(Set<String> values) {
        extraSandboxes.clear();
        extraSandboxes.addAll(values);
        return this;
    }

    boolean servesSandbox(String name) {
        return sandbox.equals(name) || extraSandboxes.contains(name);
    }

    public long tokenTtlSeconds() { return tokenTtlSeconds; }
    public SimulatorSettings tokenTtlSeconds(long value) { this.tokenTtlSeconds = value; return this; }

    /** Tokens that are always accepted (e.g. a configured static access token); a live, thread-safe view. */
    public Set<String> staticTokens() { return staticTokens; }
    public SimulatorSettings staticTokens(Set<String> tokens) {
        staticTokens.clear();
        if (tokens != null) {
            staticTokens.addAll(tokens);
        }
        return this;
    }
    public SimulatorSettings addStaticToken(String token) {
        if (token != null && !token.isBlank()) {
            staticTokens.add(token);
        }
        return this;
    }

    public boolean loadDemoData() { return loadDemoData; }
    public SimulatorSettings loadDemoData(boolean value) { this.loadDemoData = value; return this; }

    /** 0 picks a free port. */
    public int port() { return port; }
    public SimulatorSettings port(int value) { this.port = value; return this; }

    /** Page size when the client sends no {@code limit}; never above 100. */
    public int pageLimitDefault() { return pageLimitDefault; }
    public SimulatorSettings pageLimitDefault(int value) { this.pageLimitDefault = value; return this; }

    /** Content-Type of failed-file downloads; AEP's real value is undocumented, so it is switchable. */
    public String downloadContentType() { return downloadContentType; }
    public SimulatorSettings downloadContentType(String value) { this.downloadContentType = value; return this; }
}
