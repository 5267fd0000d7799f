package dev.racelock.bench.agent;

import org.apache.xalan.processor.TransformerFactoryImpl;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.SplittableRandom;
import javax.xml.transform.Templates;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;

/**
 * Xalan (the interpretive processor of xalan:xalan, not the JDK's built-in XSLTC): one stylesheet
 * compiled once into shared {@link Templates}, from which each thread creates a transformer per
 * document and renders generated order documents to HTML (sorting, Muenchian grouping with a key,
 * numbering, number formatting, sums).
 *
 * <p>Self-checking: the stylesheet writes the item count and the sum of all item amounts of each
 * document; each thread reads them back from the output and the run fails unless their total
 * equals the one computed while generating the documents.
 *
 * <p>Usage: {@code XalanWorkload [threads] [documents per thread] [seed]}
 */
public final class XalanWorkload {

    static final int DEFAULT_DOCUMENTS = 250;
    private static final int ORDERS = 60;
    private static final int CUSTOMERS = 25;

    private static final String STYLESHEET = """
            <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
              <xsl:output method="html" indent="no"/>
              <xsl:key name="by-customer" match="order" use="@customer"/>
              <xsl:template match="/orders">
                <html><body>
                  <table>
                    <xsl:for-each select="order">
                      <xsl:sort select="@customer"/>
                      <xsl:sort select="@id" data-type="number"/>
                      <xsl:apply-templates select="."/>
                    </xsl:for-each>
                  </table>
                  <ul>
                    <xsl:for-each select="order[generate-id() = generate-id(key('by-customer', @customer)[1])]">
                      <xsl:sort select="sum(key('by-customer', @customer)/item/@amount)" data-type="number"/>
                      <li><xsl:value-of select="@customer"/>: <xsl:value-of
                          select="format-number(sum(key('by-customer', @customer)/item/@amount) div 100, '#,##0.00')"/></li>
                    </xsl:for-each>
                  </ul>
                  <p id="items"><xsl:value-of select="count(order/item)"/></p>
                  <p id="total"><xsl:value-of select="sum(order/item/@amount)"/></p>
                </body></html>
              </xsl:template>
              <xsl:template match="order">
                <tr>
                  <td><xsl:number/></td>
                  <td><xsl:value-of select="translate(@customer, 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')"/></td>
                  <td><xsl:value-of select="count(item)"/></td>
                  <td><xsl:value-of select="format-number(sum(item/@amount) div 100, '#,##0.00')"/></td>
                  <xsl:for-each select="item">
                    <xsl:sort select="@amount" data-type="number" order="descending"/>
                    <td><xsl:value-of select="concat(@sku, ' x', @qty)"/></td>
                  </xsl:for-each>
                </tr>
              </xsl:template>
            </xsl:stylesheet>
            """;

    private XalanWorkload() {}

    public static void main(String[] args) throws Exception {
        WorkloadArgs a = WorkloadArgs.parse(args, DEFAULT_DOCUMENTS);
        Templates templates = new TransformerFactoryImpl().newTemplates(new StreamSource(new StringReader(STYLESHEET)));
        WorkloadCheck.Timed run = WorkloadCheck.run("xalan", a, (t, random) -> {
            long fromOutput = 0;
            long generated = 0;
            for (int d = 0; d < a.size(); d++) {
                StringBuilder input = new StringBuilder(16_384);
                generated += orders(random, input);
                StringWriter output = new StringWriter(32_768);
                templates.newTransformer().transform(new StreamSource(new StringReader(input.toString())),
                        new StreamResult(output));
                String html = output.toString();
                fromOutput += paragraph(html, "items") + paragraph(html, "total");
            }
            return new WorkloadCheck.Sums(fromOutput, generated);
        });
        WorkloadCheck.finish("xalan", a, run);
    }

    /** Appends one generated order document; returns its item count plus the sum of its amounts. */
    private static long orders(SplittableRandom random, StringBuilder xml) {
        long check = 0;
        xml.append("<orders>");
        for (int o = 0; o < ORDERS; o++) {
            xml.append("<order id=\"").append(random.nextInt(100_000)).append("\" customer=\"customer")
                    .append((char) ('a' + random.nextInt(CUSTOMERS))).append("\">");
            int items = 1 + random.nextInt(10);
            for (int i = 0; i < items; i++) {
                int qty = 1 + random.nextInt(20);
                int price = 50 + random.nextInt(10_000);
                long amount = (long) qty * price;
                xml.append("<item sku=\"SKU-").append(random.nextInt(5_000)).append("\" qty=\"").append(qty)
                        .append("\" price=\"").append(price).append("\" amount=\"").append(amount).append("\"/>");
                check += 1 + amount;
            }
            xml.append("</order>");
        }
        xml.append("</orders>");
        return check;
    }

    /** The integer in {@code <p id="name">...</p>} of the rendered page. */
    private static long paragraph(String html, String name) {
        String open = "<p id=\"" + name + "\">";
        int from = html.indexOf(open);
        if (from < 0) {
            throw new IllegalStateException("no paragraph " + name + " in the output");
        }
        from += open.length();
        return Long.parseLong(html.substring(from, html.indexOf('<', from)));
    }
}
