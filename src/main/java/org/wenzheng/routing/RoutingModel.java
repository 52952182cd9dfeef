package org.wenzheng.routing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.classification.ClassificationResult;
import org.apache.lucene.classification.KNearestNeighborClassifier;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * What the routing suggestions learned, held in memory: a Lucene index of the dispatch centre's past dispatches
 * (source {@code LEARNED}: the appeal's words, the unit that has it now, its type, complexity and urgency) and of each
 * unit's published responsibilities, one document per duty ({@code RESPONSIBILITIES}), and Lucene's
 * k-nearest-neighbours classifiers over it. A new appeal's unit is the unit of the documents most like it (BM25 over
 * smartcn's words and over character pairs, which also catch words smartcn cuts differently); its type, complexity
 * and urgency those of the most alike past dispatches; the unit the appeal asks for by name, if any
 * ({@link NamedUnits}). The districts answer for the same local matters ({@link #LOCAL}), so they are one class, and
 * the appeal's place says which district.
 *
 * <p>Thread-safe: built, then only read. A new dispatch or responsibility means a new model ({@link RoutingIndex}).
 */
final class RoutingModel implements AutoCloseable {

  /** The class of the districts' local matters (属地管理), resolved to a district by the appeal's place. */
  static final String LOCAL = "local";
  /** Neighbours asked for the unit and for the type, complexity and urgency. */
  static final int K = 10;

  private static final String WORDS = "words";
  private static final String PAIRS = "pairs";
  private static final String UNIT = "unit";
  private static final String TYPE = "type";
  private static final String COMPLEXITY = "complexity";
  private static final String URGENT = "urgent";
  private static final String SOURCE = "source";

  /** A past dispatch: the appeal's words and what the dispatch centre decided (the unit as it stands now). */
  record Example(String text, String unit, String type, String complexity, boolean urgent) {
  }

  /** One line of a unit's responsibilities; {@code unit} is {@link #LOCAL} for a district's. */
  record Duty(String unit, String line) {
  }

  /** A class with its share of the neighbours' score (0–1) and which kind of document gave most of it. */
  record Scored(String label, double score, Source source) {
  }

  /**
   * The units most like the text, best first; the unit it asks for by name, if any (not necessarily among them);
   * the type, complexity and urgency of the most alike dispatches.
   */
  record Prediction(List<Scored> units, Optional<NamedUnits.Name> named, String type, String complexity,
      boolean urgent) {
  }

  private final ByteBuffersDirectory directory;
  private final IndexReader reader;
  private final SourcedClassifier units;
  private final LearnedClassifier learned;
  private final NamedUnits names;
  private final int examples;
  private final int duties;

  private RoutingModel(ByteBuffersDirectory directory, IndexReader reader, Analyzer analyzer, NamedUnits names,
      int examples, int duties) throws IOException {
    this.directory = directory;
    this.names = names;
    this.reader = reader;
    this.examples = examples;
    this.duties = duties;
    this.units = new SourcedClassifier(reader, analyzer, null, UNIT);
    this.learned = new LearnedClassifier(reader, analyzer);
  }

  /**
   * The model of these dispatches and duties; each duty counts as {@code dutyWeight} past dispatches (a published
   * duty is worth more than one appeal, and it is all a new city has); {@code names} are the units' aliases.
   */
  static RoutingModel of(List<Example> examples, List<Duty> duties, List<NamedUnits.Name> names, int dutyWeight) {
    Analyzer analyzer = analyzer();
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    try {
      IndexWriterConfig config = new IndexWriterConfig(analyzer).setSimilarity(new BM25Similarity());
      try (IndexWriter writer = new IndexWriter(directory, config)) {
        for (Example e : examples) {
          Document d = document(e.text(), e.unit(), Source.LEARNED);
          stored(d, TYPE, e.type());
          stored(d, COMPLEXITY, e.complexity());
          stored(d, URGENT, Boolean.toString(e.urgent()));
          writer.addDocument(d);
        }
        for (Duty duty : duties) {
          for (int i = 0; i < dutyWeight; i++) {
            writer.addDocument(document(duty.line(), duty.unit(), Source.RESPONSIBILITIES));
          }
        }
      }
      return new RoutingModel(directory, DirectoryReader.open(directory), analyzer, new NamedUnits(names),
          examples.size(), duties.size());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Analyzer analyzer() {
    return new PerFieldAnalyzerWrapper(new SmartChineseAnalyzer(), Map.of(PAIRS, new CJKAnalyzer()));
  }

  private static Document document(String text, String unit, Source source) {
    Document d = new Document();
    d.add(new TextField(WORDS, text, Field.Store.NO));
    d.add(new TextField(PAIRS, text, Field.Store.NO));
    d.add(new StringField(UNIT, unit, Field.Store.YES));
    d.add(new StringField(SOURCE, source.name(), Field.Store.YES));
    return d;
  }

  private static void stored(Document d, String field, String value) {
    if (value != null) {
      d.add(new StringField(field, value, Field.Store.YES));
    }
  }

  int examples() {
    return examples;
  }

  int duties() {
    return duties;
  }

  Prediction predict(String text) {
    try {
      List<Scored> ranked = units.rank(text);
      Optional<NamedUnits.Name> named = names.in(text);
      if (examples == 0) {
        return new Prediction(ranked, named, null, null, false);
      }
      LearnedClassifier.Decided d = learned.decide(text);
      return new Prediction(ranked, named, d.type(), d.complexity(), "true".equals(d.urgent()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      reader.close();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Lucene's k-nearest-neighbours classifier, which also tells, for each class, whether past dispatches or published
   * responsibilities gave it most of its score (the form shows that source beside the suggestion).
   */
  private static final class SourcedClassifier extends KNearestNeighborClassifier {

    private final ThreadLocal<Map<String, Source>> sources = new ThreadLocal<>();
    private final IndexReader reader;

    SourcedClassifier(IndexReader reader, Analyzer analyzer, Query filter, String classField) throws IOException {
      super(reader, new BM25Similarity(), analyzer, filter, K, 1, 1, classField, WORDS, PAIRS);
      this.reader = reader;
    }

    List<Scored> rank(String text) throws IOException {
      List<ClassificationResult<BytesRef>> results = getClasses(text);
      Map<String, Source> by = sources.get();
      sources.remove();
      double total = results.stream().mapToDouble(ClassificationResult::getScore).sum();
      List<Scored> ranked = new ArrayList<>();
      for (ClassificationResult<BytesRef> r : results) {
        String label = r.getAssignedClass().utf8ToString();
        ranked.add(new Scored(label, total == 0 ? 0 : r.getScore() / total,
            by == null ? Source.LEARNED : by.getOrDefault(label, Source.LEARNED)));
      }
      ranked.sort((a, b) -> Double.compare(b.score(), a.score()));
      return ranked;
    }

    @Override
    protected List<ClassificationResult<BytesRef>> buildListFromTopDocs(TopDocs topDocs) throws IOException {
      Map<String, Map<Source, Double>> shares = new HashMap<>();
      StoredFields stored = reader.storedFields();
      for (ScoreDoc hit : topDocs.scoreDocs) {
        Document d = stored.document(hit.doc);
        shares.computeIfAbsent(d.get(UNIT), u -> new LinkedHashMap<>())
            .merge(Source.valueOf(d.get(SOURCE)), (double) hit.score, Double::sum);
      }
      Map<String, Source> by = new HashMap<>();
      shares.forEach((unit, s) -> by.put(unit, s.getOrDefault(Source.LEARNED, 0.0)
          >= s.getOrDefault(Source.RESPONSIBILITIES, 0.0) ? Source.LEARNED : Source.RESPONSIBILITIES));
      sources.set(by);
      return super.buildListFromTopDocs(topDocs);
    }
  }

  /**
   * Lucene's k-nearest-neighbours classifier over the past dispatches alone, for their type; the same neighbours,
   * found by one search, also vote on complexity and urgency (each by its score, as the classifier weighs them).
   */
  private static final class LearnedClassifier extends KNearestNeighborClassifier {

    record Decided(String type, String complexity, String urgent) {
    }

    private final ThreadLocal<Map<String, Map<String, Double>>> votes = new ThreadLocal<>();
    private final IndexReader reader;

    LearnedClassifier(IndexReader reader, Analyzer analyzer) throws IOException {
      super(reader, new BM25Similarity(), analyzer, new TermQuery(new Term(SOURCE, Source.LEARNED.name())), K, 1, 1,
          TYPE, WORDS, PAIRS);
      this.reader = reader;
    }

    Decided decide(String text) throws IOException {
      ClassificationResult<BytesRef> type = assignClass(text);
      Map<String, Map<String, Double>> by = votes.get();
      votes.remove();
      return new Decided(type == null || type.getAssignedClass() == null ? null
          : type.getAssignedClass().utf8ToString(), best(by, COMPLEXITY), best(by, URGENT));
    }

    private static String best(Map<String, Map<String, Double>> by, String field) {
      return by == null ? null : by.getOrDefault(field, Map.of()).entrySet().stream()
          .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    @Override
    protected ClassificationResult<BytesRef> classifyFromTopDocs(TopDocs topDocs) throws IOException {
      Map<String, Map<String, Double>> by = new HashMap<>();
      StoredFields stored = reader.storedFields();
      for (ScoreDoc hit : topDocs.scoreDocs) {
        Document d = stored.document(hit.doc);
        for (String field : List.of(COMPLEXITY, URGENT)) {
          if (d.get(field) != null) {
            by.computeIfAbsent(field, f -> new HashMap<>()).merge(d.get(field), (double) hit.score, Double::sum);
          }
        }
      }
      votes.set(by);
      return super.classifyFromTopDocs(topDocs);
    }
  }
}
