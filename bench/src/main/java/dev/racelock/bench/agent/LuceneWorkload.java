package dev.racelock.bench.agent;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;

import java.util.BitSet;
import java.util.SplittableRandom;

/**
 * Lucene: several threads index generated documents into one {@link IndexWriter} (in memory,
 * with Lucene's concurrent merge threads), then, on one shared {@link IndexSearcher}, run term
 * and two-term conjunction queries, scored (BM25) and counted exactly. Documents are drawn from a
 * Zipf-distributed vocabulary; document {@code d}'s words depend only on the seed and {@code d},
 * so the index holds the same postings whatever the threads' interleaving.
 *
 * <p>Self-checking: the total hit count of all queries is compared with the one computed from the
 * documents directly (a bit set of documents per word), outside the timed part.
 *
 * <p>Usage: {@code LuceneWorkload [threads] [documents] [seed]}; each thread indexes
 * {@code documents / threads} documents and runs {@code documents / 20} queries.
 */
public final class LuceneWorkload {

    static final int DEFAULT_DOCUMENTS = 32_000;
    private static final int VOCABULARY = 20_000;
    private static final ZipfSampler WORDS = new ZipfSampler(VOCABULARY, 1.0);

    private LuceneWorkload() {}

    public static void main(String[] args) throws Exception {
        WorkloadArgs a = WorkloadArgs.parse(args, DEFAULT_DOCUMENTS);
        int perThread = a.size() / a.threads();
        int documents = perThread * a.threads();
        int queriesPerThread = a.size() / 20;
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        long start = System.nanoTime();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
            ParallelWork.run("lucene-index", a.threads(), t -> {
                for (int d = t; d < documents; d += a.threads()) {
                    writer.addDocument(document(d, a.seed()));
                }
                return 0;
            });
            writer.commit();
        }
        long[] hits;
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            hits = ParallelWork.run("lucene-search", a.threads(), t -> {
                SplittableRandom random = new SplittableRandom(a.seedOf(t));
                long found = 0;
                for (int q = 0; q < queriesPerThread; q++) {
                    TopDocs top = searcher.search(query(queryWords(random)),
                            new TopScoreDocCollectorManager(10, Integer.MAX_VALUE));
                    found += top.totalHits.value;
                }
                return found;
            });
            if (reader.numDocs() != documents) {
                throw new IllegalStateException(reader.numDocs() + " documents indexed, expected " + documents);
            }
        }
        long millis = WorkloadCheck.millisSince(start);
        WorkloadCheck.finish("lucene", a, millis, ParallelWork.sum(hits),
                expectedHits(a, documents, queriesPerThread));
    }

    private static Document document(int d, long seed) {
        Document doc = new Document();
        doc.add(new StringField("id", Integer.toString(d), Field.Store.YES));
        String body = body(d, seed);
        doc.add(new TextField("body", body, Field.Store.NO));
        doc.add(new NumericDocValuesField("length", body.length()));
        return doc;
    }

    /** Document {@code d}'s words (ranks): 20 to 200, a function of the seed and {@code d} only. */
    private static int[] words(int d, long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (d + 1)));
        int[] words = new int[20 + random.nextInt(181)];
        for (int i = 0; i < words.length; i++) {
            words[i] = WORDS.next(random);
        }
        return words;
    }

    private static String body(int d, long seed) {
        int[] words = words(d, seed);
        StringBuilder b = new StringBuilder(words.length * 8);
        for (int w : words) {
            if (b.length() > 0) {
                b.append(' ');
            }
            word(w, b);
        }
        return b.toString();
    }

    /** Rank r as a word of lowercase letters (one the standard analyzer keeps as one token). */
    private static void word(int rank, StringBuilder b) {
        int r = rank;
        do {
            b.append((char) ('a' + r % 26));
            r /= 26;
        } while (r > 0);
        b.append('x');
    }

    /** One query's words: one in three queries is a single term, the others a conjunction of two. */
    private static int[] queryWords(SplittableRandom random) {
        // Ranks from 10 on: the commonest words would make every query match most documents.
        int first = 10 + random.nextInt(2_000);
        return random.nextInt(3) == 0 ? new int[] {first} : new int[] {first, 10 + WORDS.next(random) % 2_000};
    }

    private static Query query(int[] words) {
        if (words.length == 1) {
            return new TermQuery(term(words[0]));
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (int w : words) {
            b.add(new TermQuery(term(w)), BooleanClause.Occur.MUST);
        }
        return b.build();
    }

    private static Term term(int rank) {
        StringBuilder b = new StringBuilder();
        word(rank, b);
        return new Term("body", b.toString());
    }

    private static long expectedHits(WorkloadArgs a, int documents, int queriesPerThread) {
        BitSet[] containing = new BitSet[VOCABULARY];
        for (int d = 0; d < documents; d++) {
            for (int w : words(d, a.seed())) {
                if (containing[w] == null) {
                    containing[w] = new BitSet(documents);
                }
                containing[w].set(d);
            }
        }
        long hits = 0;
        for (int t = 0; t < a.threads(); t++) {
            SplittableRandom random = new SplittableRandom(a.seedOf(t));
            for (int q = 0; q < queriesPerThread; q++) {
                BitSet match = null;
                for (int w : queryWords(random)) {
                    BitSet docs = containing[w] == null ? new BitSet() : containing[w];
                    if (match == null) {
                        match = (BitSet) docs.clone();
                    } else {
                        match.and(docs);
                    }
                }
                hits += match.cardinality();
            }
        }
        return hits;
    }
}
