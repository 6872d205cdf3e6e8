package io.infodesk.curation.boundary;

import io.infodesk.answering.entity.Interaction;
import io.infodesk.curation.control.LabelRule;
import io.infodesk.curation.entity.DatasetExample;
import io.infodesk.curation.entity.DatasetVersion;
import io.infodesk.curation.entity.FrozenEvalExample;
import io.infodesk.curation.entity.ImportedExample;
import io.infodesk.curation.model.Curation;
import io.infodesk.curation.model.LabelledRows;
import io.infodesk.feedback.entity.Feedback;
import io.infodesk.knowledge.entity.Domain;
import io.infodesk.platform.boundary.EmbeddingService;
import io.infodesk.platform.control.Jsons;
import io.infodesk.platform.entity.Audited;
import io.infodesk.platform.entity.InvalidInputException;
import io.infodesk.platform.entity.UnknownEntityException;
import io.infodesk.review.entity.ReviewItem;
import io.infodesk.review.model.JudgeLabel;
import io.infodesk.routing.entity.RouteLabels;
import io.infodesk.security.boundary.AuditService;
import io.infodesk.security.entity.Role;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Curated, immutable dataset versions. A version gathers every labelled example (SEED exemplars,
 * each domain's DESCRIPTION, LOGGED interactions, RELABELED_BY_EMPLOYEE and RELABELED_BY_SME
 * corrections, IMPORTED rows, and the cycle judge's RELABELED_BY_JUDGE labels), removes duplicates,
 * and splits: the evaluation part is the frozen evaluation set (made from the first version's
 * stratified split, extended only by an admin), so versions stay comparable. LOGGED labels the
 * judge set aside stay in the version, in a split of their own ({@code aside}) that nothing trains
 * on.
 */
@Stateless
public class DatasetService {

  private static final java.util.logging.Logger LOG =
      java.util.logging.Logger.getLogger(DatasetService.class.getName());

  public static final String OOS = RouteLabels.OOS;

  /** Where an example comes from when it is one of a domain's exemplars. */
  static final String SEED = "SEED";

  /**
   * Where an example comes from when it is a domain's name and description ({@link
   * Domain#routingText()}): what the zero-shot teacher knows of a domain beyond its exemplars, so
   * that students learn it too. It weighs most where a domain has few examples.
   */
  static final String DESCRIPTION = "DESCRIPTION";

  /** The evaluation set is frozen once the traffic gives at least this many examples for it. */
  public static final int MIN_FROZEN_EVAL = 4;

  static final double NEAR_DUPLICATE = 0.98;

  /**
   * The share of the labels that may be frozen for evaluation: the first freeze takes it of the
   * traffic, and a cycle's top-up ({@link #build(long)}) never takes the set beyond it.
   */
  static final double FROZEN_SHARE = 0.25;

  /** A labelled example with where its label came from. */
  public record Labelled(String text, String label, String provenance, Long interactionId) {}

  /** A built version with its examples, embedded, ready for training. */
  public record Built(
      DatasetVersion version, List<Curation.Example> train, List<Curation.Example> eval) {}

  @PersistenceContext EntityManager em;
  @jakarta.inject.Inject io.infodesk.review.boundary.ReviewRecords reviews;
  @jakarta.inject.Inject io.infodesk.feedback.boundary.Ratings ratings;
  @jakarta.inject.Inject io.infodesk.answering.boundary.InteractionLog log;
  @jakarta.inject.Inject io.infodesk.knowledge.boundary.DomainDirectory domains;
  @Resource SessionContext context;
  @EJB EmbeddingService embeddings;
  @jakarta.inject.Inject jakarta.enterprise.event.Event<Audited> audited;
  @jakarta.inject.Inject io.infodesk.guardrails.boundary.GuardrailService guardrails;

  @RolesAllowed(Role.ADMIN_NAME)
  public DatasetVersion buildByAdmin() {
    return build().version();
  }

  /** For training, which runs with or without a caller. */
  @PermitAll
  public Built build() {
    return build(0);
  }

  /**
   * For a flywheel cycle that may promote on its own: while the frozen evaluation set is smaller
   * than automatic promotion needs, the new version tops it up from the labels that {@link
   * #mayBeFrozen may be frozen} (stratified by label, seeded by the version), as many as it lacks
   * but never so many that the set holds more than {@link #FROZEN_SHARE} of them. A set frozen from
   * a few questions of the first week thus grows with the traffic until it can be trusted, and
   * stays frozen after that; nothing is topped up before the first freeze.
   *
   * @param frozenTarget the size automatic promotion needs; 0 for none
   */
  @PermitAll
  public Built build(long frozenTarget) {
    List<Labelled> labelled = new ArrayList<>();
    List<Labelled> aside = new ArrayList<>();
    for (Labelled l : collect()) {
      (JudgeLabel.SET_ASIDE_PROVENANCE.equals(l.provenance()) ? aside : labelled).add(l);
    }
    Map<String, Labelled> byText = new HashMap<>();
    labelled.forEach(l -> byText.putIfAbsent(key(l.text()), l));
    List<Curation.Example> unique = Curation.deduplicate(embed(labelled), NEAR_DUPLICATE);

    Integer last = em.createNamedQuery(DatasetVersion.MAX_NO, Integer.class).getSingleResult();
    List<FrozenEvalExample> frozen =
        em.createNamedQuery(FrozenEvalExample.FIND_ALL, FrozenEvalExample.class).getResultList();
    List<Curation.Example> train;
    List<Curation.Example> eval;
    if (frozen.isEmpty()) {
      // the evaluation set is traffic (and imports), never the domains' exemplars, from which
      // the zero-shot teacher is built: it would score the teacher in-sample. It is frozen once
      // there is enough of it; until then a version has no evaluation part.
      List<Curation.Example> traffic = new ArrayList<>();
      train = new ArrayList<>();
      for (Curation.Example e : unique) {
        (mayBeFrozen(byText.get(key(e.text())).provenance()) ? traffic : train).add(e);
      }
      Curation.Split split = Curation.stratified(traffic, FROZEN_SHARE, 42);
      if (split.eval().size() >= MIN_FROZEN_EVAL) {
        train.addAll(split.train());
        eval = split.eval();
        for (Curation.Example e : eval) {
          em.persist(
              new FrozenEvalExample(
                  e.text(), e.label(), byText.get(key(e.text())).provenance(), actor()));
        }
      } else {
        train.addAll(traffic);
        eval = List.of();
      }
    } else {
      Set<String> frozenTexts = new HashSet<>();
      frozen.forEach(f -> frozenTexts.add(key(f.getText())));
      List<Curation.Example> rest =
          unique.stream().filter(e -> !frozenTexts.contains(key(e.text()))).toList();
      List<Curation.Example> eligible =
          rest.stream().filter(e -> mayBeFrozen(byText.get(key(e.text())).provenance())).toList();
      int room = topUpRoom(frozen.size(), eligible.size(), frozenTarget);
      if (room > 0) {
        long seed = (last == null ? 0 : last) + 1;
        List<Curation.Example> chosen =
            new ArrayList<>(
                Curation.stratified(eligible, room / (double) eligible.size(), seed).eval());
        Collections.shuffle(chosen, new Random(seed));
        frozen = new ArrayList<>(frozen);
        for (Curation.Example e : chosen.subList(0, Math.min(room, chosen.size()))) {
          FrozenEvalExample f =
              new FrozenEvalExample(
                  e.text(), e.label(), byText.get(key(e.text())).provenance(), actor());
          em.persist(f);
          frozen.add(f);
          frozenTexts.add(key(e.text()));
        }
        audited.fire(
            new Audited(
                "FROZEN_EVAL_TOPPED_UP",
                "frozen-eval",
                null,
                "to " + frozen.size() + " examples of the " + frozenTarget + " needed"));
      }
      train = rest.stream().filter(e -> !frozenTexts.contains(key(e.text()))).toList();
      eval =
          embed(
              frozen.stream()
                  .map(f -> new Labelled(f.getText(), f.getLabel(), f.getProvenance(), null))
                  .toList());
      frozen.forEach(
          f ->
              byText.putIfAbsent(
                  key(f.getText()),
                  new Labelled(f.getText(), f.getLabel(), f.getProvenance(), null)));
    }
    Map<String, Integer> labels = new TreeMap<>();
    Map<String, Integer> provenance = new TreeMap<>();
    for (List<Curation.Example> part : List.of(train, eval)) {
      for (Curation.Example e : part) {
        labels.merge(e.label(), 1, Integer::sum);
        provenance.merge(byText.get(key(e.text())).provenance(), 1, Integer::sum);
      }
    }
    aside.forEach(l -> provenance.merge(l.provenance(), 1, Integer::sum));
    DatasetVersion version =
        new DatasetVersion(
            (last == null ? 0 : last) + 1,
            actor(),
            train.size(),
            eval.size(),
            json(labels),
            json(provenance));
    em.persist(version);
    em.flush();
    for (Curation.Example e : train) {
      Labelled l = byText.get(key(e.text()));
      em.persist(
          new DatasetExample(
              version.getId(), e.text(), e.label(), l.provenance(), l.interactionId(), "train"));
    }
    for (Curation.Example e : eval) {
      Labelled l = byText.get(key(e.text()));
      em.persist(
          new DatasetExample(
              version.getId(), e.text(), e.label(), l.provenance(), l.interactionId(), "eval"));
    }
    for (Labelled l : aside) {
      em.persist(
          new DatasetExample(
              version.getId(), l.text(), l.label(), l.provenance(), l.interactionId(), "aside"));
    }
    audited.fire(
        new Audited(
            "DATASET_BUILT",
            "dataset-version",
            String.valueOf(version.getVersionNo()),
            train.size() + " train, " + eval.size() + " eval, " + aside.size() + " set aside"));
    return new Built(version, train, eval);
  }

  /** How many examples the frozen evaluation set has (0 before it is frozen). */
  @PermitAll
  public long frozenEvalSize() {
    return em.createQuery("SELECT COUNT(f) FROM FrozenEvalExample f", Long.class).getSingleResult();
  }

  @RolesAllowed(Role.ADMIN_NAME)
  public List<DatasetVersion> list() {
    return em.createNamedQuery(DatasetVersion.FIND_ALL, DatasetVersion.class).getResultList();
  }

  /** The version as JSONL: one {@code {text, label, split, provenance, interactionId}} a line. */
  @RolesAllowed(Role.ADMIN_NAME)
  public String export(long versionId) {
    java.io.StringWriter out = new java.io.StringWriter();
    export(versionId, out);
    return out.toString();
  }

  /** Writes the version as JSONL, a page of examples at a time; nothing holds the whole version. */
  @RolesAllowed(Role.ADMIN_NAME)
  public void export(long versionId, java.io.Writer out) {
    requireVersion(versionId);
    int page = 1000;
    try {
      for (int first = 0; ; first += page) {
        List<DatasetExample> examples =
            em.createNamedQuery(DatasetExample.FIND_BY_VERSION, DatasetExample.class)
                .setParameter("version", versionId)
                .setFirstResult(first)
                .setMaxResults(page)
                .getResultList();
        for (DatasetExample e : examples) {
          JsonObjectBuilder line =
              Jsons.JSON
                  .createObjectBuilder()
                  .add("text", e.getText())
                  .add("label", e.getLabel())
                  .add("split", e.getSplit())
                  .add("provenance", e.getProvenance());
          if (e.getInteractionId() != null) {
            line.add("interactionId", e.getInteractionId());
          }
          out.write(line.build().toString());
          out.write('\n');
        }
        em.clear();
        if (examples.size() < page) {
          break;
        }
      }
      out.flush();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** 404 unless the version exists. */
  @RolesAllowed(Role.ADMIN_NAME)
  public void requireVersion(long versionId) {
    if (em.find(DatasetVersion.class, versionId) == null) {
      throw new UnknownEntityException("no dataset version " + versionId);
    }
  }

  /**
   * Imports labelled examples (label: a domain key or "oos"): JSON Lines of {@code {text, label}},
   * a JSON document of such rows or {@code [text, label]} pairs, or CSV or TSV whose header row
   * names a text and a label column ({@link LabelledRows}: also utterance, question, query…, and
   * intent, domain, category…), or without a header row where {@code columns} names them. Every row
   * is checked first; one bad row refuses the whole file, naming its line.
   *
   * @param columns the file's columns' names in order, separated by commas ({@code label,text}),
   *     for a CSV or TSV file without a header row; null where its first row is the header
   * @return how many were imported, and a warning where MiniLM cannot read their language
   */
  @RolesAllowed(Role.ADMIN_NAME)
  public Imported importRows(String body, LabelledRows.Format format, String columns) {
    List<String> names;
    try {
      names = LabelledRows.columns(columns);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(e.getMessage());
    }
    if (body == null || body.isBlank()) {
      throw new InvalidInputException(
          "send labelled examples: JSON Lines of {\"text\": ..., \"label\": ...}, a JSON array of"
              + " them, or CSV or TSV whose first row names a text and a label column");
    }
    Set<String> keys = new HashSet<>();
    domains.all().forEach(d -> keys.add(d.getKey()));
    keys.add(OOS);
    List<LabelledRows.Row> parsed;
    try {
      parsed = LabelledRows.read(new StringReader(body), format, names);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          e.getMessage()
              + (e.getMessage().startsWith(LabelledRows.HEADER_NEEDED)
                  ? "; for a file without a header row, name its columns in order (columns=label,text)"
                  : ""));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    if (parsed.size() > 100_000) {
      throw new InvalidInputException("at most 100000 examples at once");
    }
    List<ImportedExample> rows = new ArrayList<>();
    for (LabelledRows.Row r : parsed) {
      String text = r.text().strip();
      String label = r.label().strip();
      if (text.isEmpty() || text.length() > 4000) {
        throw new InvalidInputException(r.place() + ": text must have 1-4000 characters");
      }
      if (!keys.contains(label)) {
        throw new InvalidInputException(
            r.place() + ": label must be one of " + new java.util.TreeSet<>(keys));
      }
      // imported rows are training data: personal data is redacted before they are stored
      rows.add(new ImportedExample(guardrails.redact(text).text(), label, actor()));
    }
    if (rows.isEmpty()) {
      throw new InvalidInputException("the file has no examples");
    }
    rows.forEach(em::persist);
    audited.fire(
        new Audited("DATASET_IMPORTED", "imported-example", null, rows.size() + " examples"));
    return new Imported(rows.size(), readability(rows));
  }

  /**
   * What an import did.
   *
   * @param imported the examples added
   * @param warning what the admin should know about them, or null: that MiniLM cannot read their
   *     language ({@link #readability})
   */
  public record Imported(int imported, String warning) {}

  /**
   * Null where MiniLM reads the examples' language; otherwise why the flywheel will lean on the
   * n-gram student (docs/operations.md, "Languages"), from the first 2,000 examples' word pieces.
   */
  private String readability(List<ImportedExample> rows) {
    java.util.OptionalDouble unreadable =
        embeddings.unreadableShare(
            rows.stream().limit(2000).map(ImportedExample::getText).toList());
    if (unreadable.isEmpty()) {
      return null;
    }
    double unknown = unreadable.getAsDouble();
    String warning =
        String.format(
            java.util.Locale.ROOT,
            "MiniLM's vocabulary does not know %.0f%% of these examples' word pieces (a script it"
                + " cannot read, such as Chinese or Thai): the zero-shot teacher, the MiniLM"
                + " student and the judge's nearest examples can barely tell such questions apart,"
                + " and retrieval finds their documents by keywords only; the n-gram student reads"
                + " any script, so expect it to become the live router (docs/operations.md,"
                + " \"Languages\")",
            100 * unknown);
    LOG.warning(warning);
    return warning;
  }

  /**
   * The latest dataset version's examples (every split), for the judge's learned evidence; empty
   * before the first version.
   */
  @PermitAll
  public List<DatasetExample> latestExamples() {
    List<DatasetVersion> versions = list();
    if (versions.isEmpty()) {
      return List.of();
    }
    return em.createNamedQuery(DatasetExample.FIND_BY_VERSION, DatasetExample.class)
        .setParameter("version", versions.get(0).getId())
        .getResultList();
  }

  /**
   * Whether an example of this provenance may join the frozen evaluation set: a label people gave
   * or did not dispute. Never the domains' exemplars and descriptions, from which the zero-shot
   * teacher is built (it would be scored in-sample), nor the judge's own labels (the gates would
   * grade the judge by its own opinion).
   */
  static boolean mayBeFrozen(String provenance) {
    return !SEED.equals(provenance)
        && !DESCRIPTION.equals(provenance)
        && !JudgeLabel.RELABELED.equals(provenance);
  }

  /**
   * Adds up to {@code perLabel} examples of each label of the latest version's training part (only
   * those that {@link #mayBeFrozen may be frozen}), keeping at least one of each label for
   * training.
   */
  @RolesAllowed(Role.ADMIN_NAME)
  public int extendFrozenEval(int perLabel) {
    if (perLabel < 1 || perLabel > 1000) {
      throw new InvalidInputException("perLabel must be between 1 and 1000");
    }
    List<DatasetVersion> versions = list();
    if (versions.isEmpty()) {
      throw new InvalidInputException("build a dataset version first");
    }
    Map<String, List<DatasetExample>> byLabel = new LinkedHashMap<>();
    for (DatasetExample e :
        em.createNamedQuery(DatasetExample.FIND_BY_VERSION, DatasetExample.class)
            .setParameter("version", versions.get(0).getId())
            .getResultList()) {
      if (e.getSplit().equals("train") && mayBeFrozen(e.getProvenance())) {
        byLabel.computeIfAbsent(e.getLabel(), k -> new ArrayList<>()).add(e);
      }
    }
    int added = 0;
    Random random = new Random(versions.get(0).getVersionNo());
    for (List<DatasetExample> group : byLabel.values()) {
      List<DatasetExample> shuffled = new ArrayList<>(group);
      Collections.shuffle(shuffled, random);
      for (DatasetExample e :
          shuffled.subList(0, Math.min(perLabel, Math.max(0, shuffled.size() - 1)))) {
        em.persist(new FrozenEvalExample(e.getText(), e.getLabel(), e.getProvenance(), actor()));
        added++;
      }
    }
    audited.fire(new Audited("FROZEN_EVAL_EXTENDED", "frozen-eval", null, added + " examples"));
    return added;
  }

  /**
   * How many examples a top-up adds: what the set lacks of {@code target}, within {@link
   * #FROZEN_SHARE} of the frozen and eligible examples together.
   */
  static int topUpRoom(long frozen, int eligible, long target) {
    long share = (long) Math.floor(FROZEN_SHARE * (frozen + eligible)) - frozen;
    return (int) Math.max(0, Math.min(target - frozen, share));
  }

  /** Every labelled example InfoDesk has, strongest label first for each interaction. */
  List<Labelled> collect() {
    List<Labelled> out = new ArrayList<>();
    for (Domain d : domains.active()) {
      d.getExemplars().forEach(e -> out.add(new Labelled(e, d.getKey(), SEED, null)));
      out.add(new Labelled(d.routingText(), d.getKey(), DESCRIPTION, null));
    }
    em.createNamedQuery(ImportedExample.FIND_ALL, ImportedExample.class)
        .getResultList()
        .forEach(i -> out.add(new Labelled(i.getText(), i.getLabel(), "IMPORTED", null)));
    Map<Long, ReviewItem> reviewed = new HashMap<>();
    Map<Long, ReviewItem> settled = new HashMap<>();
    for (ReviewItem r : reviews.decided()) {
      reviewed.put(r.getInteractionId(), r);
      r.getSettles().forEach(id -> settled.putIfAbsent(id, r));
    }
    Map<Long, JudgeLabel> judged = reviews.judgeLabels();
    Map<Long, Feedback> feedback = new HashMap<>();
    ratings.all().forEach(f -> feedback.put(f.getInteractionId(), f));
    for (Interaction i : log.routedOutcomes()) {
      Feedback f = feedback.get(i.getId());
      ReviewItem review = reviewed.get(i.getId());
      boolean byNeighbour = review == null && settled.containsKey(i.getId());
      if (byNeighbour) {
        review = settled.get(i.getId());
      }
      String routed = i.getDomainKey() == null ? OOS : i.getDomainKey();
      boolean neighbour = byNeighbour;
      LabelRule.of(
              routed,
              review == null ? null : review.getDecision(),
              review == null ? null : review.getDecidedDomain(),
              f == null ? null : f.getRating(),
              f == null ? null : f.getCorrectDomain(),
              judged.get(i.getId()))
          .ifPresent(
              l ->
                  out.add(
                      new Labelled(
                          i.getQuestion(),
                          l.label(),
                          neighbour && l.provenance().endsWith("_BY_SME")
                              ? "SETTLED_BY_SME"
                              : l.provenance(),
                          i.getId())));
    }
    return out;
  }

  private List<Curation.Example> embed(List<Labelled> labelled) {
    List<Curation.Example> out = new ArrayList<>();
    for (int from = 0; from < labelled.size(); from += 32) {
      List<Labelled> batch = labelled.subList(from, Math.min(labelled.size(), from + 32));
      // most examples are questions asked before, whose vectors the question cache still holds
      float[][] v = embeddings.embedAllCached(batch.stream().map(Labelled::text).toList());
      for (int i = 0; i < v.length; i++) {
        out.add(new Curation.Example(batch.get(i).text(), batch.get(i).label(), v[i]));
      }
    }
    return out;
  }

  private String actor() {
    String name = context.getCallerPrincipal().getName();
    return name == null || "ANONYMOUS".equals(name) ? AuditService.SYSTEM : name;
  }

  static String key(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
  }

  static String json(Map<String, Integer> counts) {
    JsonObjectBuilder b = Jsons.JSON.createObjectBuilder();
    counts.forEach(b::add);
    return b.build().toString();
  }
}
