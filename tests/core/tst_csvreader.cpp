// core::CsvReader: RFC 4180 fields, quotes, line ends, BOM, errors with their line.
#include "core/CsvReader.h"

#include <QtTest>

using trellis::core::CsvReader;

class CsvReaderTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void plainAndQuoted();
    void lineEndsAndBom();
    void embeddedLineBreaksCountLines();
    void errors_data();
    void errors();
    void stopsAfterMaxRecords();
};

void CsvReaderTest::plainAndQuoted()
{
    const auto r = CsvReader::parse("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\n");
    QVERIFY(r.error.empty());
    QCOMPARE(r.records.size(), std::size_t(2));
    QCOMPARE(r.records[0].fields, (std::vector<std::string>{"a", "b", "c"}));
    QCOMPARE(r.records[1].fields, (std::vector<std::string>{"x, y", "say \"hi\"", ""}));
}

void CsvReaderTest::lineEndsAndBom()
{
    const auto r = CsvReader::parse("\xEF\xBB\xBF"
                                    "email,name\r\nA@x.io,\"B\"\r\n\r\nc@x.io,D");
    QVERIFY(r.error.empty());
    QCOMPARE(r.records.size(), std::size_t(3));
    QCOMPARE(r.records[0].fields.front(), std::string("email"));
    QCOMPARE(r.records[1].fields, (std::vector<std::string>{"A@x.io", "B"}));
    QCOMPARE(r.records[2].fields, (std::vector<std::string>{"c@x.io", "D"}));
    QCOMPARE(r.records[2].line, 4);
    const auto trailingComma = CsvReader::parse("a,");
    QCOMPARE(trailingComma.records[0].fields, (std::vector<std::string>{"a", ""}));
}

void CsvReaderTest::embeddedLineBreaksCountLines()
{
    const auto r = CsvReader::parse("h\n\"one\ntwo\r\nthree\"\nnext\n");
    QVERIFY(r.error.empty());
    QCOMPARE(r.records.size(), std::size_t(3));
    QCOMPARE(r.records[1].fields.front(), std::string("one\ntwo\r\nthree"));
    QCOMPARE(r.records[1].line, 2);
    QCOMPARE(r.records[2].line, 5);
}

void CsvReaderTest::errors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::newRow("unclosed quote") << QByteArray("a\nb\n\"open\nmore") << 3;
    QTest::newRow("text after quote") << QByteArray("a\n\"x\"y\n") << 2;
    QTest::newRow("quote in unquoted field") << QByteArray("a\nx\"y\n") << 2;
    QTest::newRow("lone carriage return") << QByteArray("a\rb\n") << 1;
}

void CsvReaderTest::errors()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    const auto r = CsvReader::parse(std::string_view(text.constData(), std::size_t(text.size())));
    QVERIFY(!r.error.empty());
    QCOMPARE(r.errorLine, line);
}

void CsvReaderTest::stopsAfterMaxRecords()
{
    const auto r = CsvReader::parse("1\n2\n3\n4\n5\n", 2);
    QCOMPARE(r.records.size(), std::size_t(3));
}

QTEST_GUILESS_MAIN(CsvReaderTest)
#include "tst_csvreader.moc"
