package io.infodesk.platform.control;

/** The names of InfoDesk's configuration keys; docs/operations.md describes each one. */
public final class Settings {
  public static final String DATA_DIR = "infodesk.data.dir";
  public static final String DB_URL = "infodesk.db.url";
  public static final String DB_USER = "infodesk.db.user";
  public static final String DB_PASSWORD = "infodesk.db.password";
  public static final String DB_DATASOURCE_CLASS = "infodesk.db.datasource-class";
  public static final String NODE_ROLES = "infodesk.node.roles";

  /**
   * Seconds a node's heartbeat (every 5 s) may be silent before the flywheel lease it holds is
   * taken from it and its running cycle marked FAILED.
   */
  public static final String HEARTBEAT_SILENCE = "infodesk.cluster.heartbeat-silence-seconds";

  public static final int DEFAULT_HEARTBEAT_SILENCE_SECONDS = 60;

  /**
   * How long a node serves questions from its own copy of what other nodes may change (the domains,
   * the live router) before it asks the database whether they did: the most a cluster's nodes
   * disagree after a change on one of them. A change on the node itself applies at once.
   */
  public static final long PEER_CHANGES_CHECK_NANOS = 5_000_000_000L;

  public static final String NODE_NAME = "infodesk.node.name";
  public static final String DEMO = "infodesk.demo";
  public static final String PUBLIC_URL = "infodesk.public-url";
  public static final String LLM_BASE_URL = "infodesk.llm.base-url";
  public static final String LLM_MODEL = "infodesk.llm.model";
  public static final String LLM_API_KEY = "infodesk.llm.api-key";
  public static final String PBKDF2_ITERATIONS = "infodesk.security.pbkdf2-iterations";
  public static final String BOOTSTRAP_ADMIN_USER = "infodesk.bootstrap.admin-user";
  public static final String BOOTSTRAP_ADMIN_PASSWORD = "infodesk.bootstrap.admin-password";

  private Settings() {}
}
