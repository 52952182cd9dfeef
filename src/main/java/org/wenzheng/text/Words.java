package org.wenzheng.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * The words of a Chinese text that say what it is about, as Lucene's smartcn analyser segments it ("小区电梯坏了" →
 * 小区, 电梯). Single characters, numbers and the words every appeal uses ({@code text/stopwords.txt}: 问题, 解决,
 * 希望...) are left out. Thread-safe.
 */
@Component
@NamedInterface("words")
public class Words {

  private final Analyzer analyzer = new SmartChineseAnalyzer();
  private final Set<String> stopwords = load("/text/stopwords.txt");

  private static Set<String> load(String resource) {
    try (InputStream in = Words.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toUnmodifiableSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The words left out, as {@code text/stopwords.txt} has them now. */
  public Set<String> stopwords() {
    return stopwords;
  }

  public List<String> of(String text) {
    List<String> words = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return words;
    }
    try (TokenStream tokens = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        String word = term.toString();
        if (word.codePointCount(0, word.length()) >= 2 && !word.chars().allMatch(Character::isDigit)
            && !stopwords.contains(word)) {
          words.add(word);
        }
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return words;
  }

  /** How alike two texts are by their words: shared words over all words (Jaccard), from 0 to 1. */
  public double similarity(String a, String b) {
    return jaccard(new HashSet<>(of(a)), new HashSet<>(of(b)));
  }

  /**
   * How much of the shorter text the longer one covers: shared words over the words of the smaller set. Better than
   * {@link #jaccard} when a short complaint ("路灯还是没修") meets a long letter about the same thing.
   */
  public static double overlap(Collection<String> a, Collection<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    Set<String> shared = new HashSet<>(a);
    shared.retainAll(b);
    return shared.size() / (double) Math.min(new HashSet<>(a).size(), new HashSet<>(b).size());
  }

  public static double jaccard(Collection<String> a, Collection<String> b) {
    if (a.isEmpty() && b.isEmpty()) {
      return 0;
    }
    Set<String> union = new HashSet<>(a);
    union.addAll(b);
    Set<String> shared = new HashSet<>(a);
    shared.retainAll(b);
    return shared.size() / (double) union.size();
  }
}
