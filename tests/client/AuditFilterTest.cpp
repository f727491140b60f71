// AuditFilter: the query it sends, and its shareable link form parsed back (with errors for damaged links). No server.
#include "client/AuditFilter.h"

#include <QTest>
#include <QUrlQuery>

using trellis::client::AuditFilter;

class AuditFilterTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyFilterSendsNothing();
    void relativeRangeResolvesAgainstNow();
    void queryCarriesEveryFilterEncoded();
    void timesAreWholeSecondsAndNeverNarrowTheRange();
    void linkRoundTripsEveryField();
    void linkKeepsARelativeRangeRelative();
    void damagedLinksSayWhy_data();
    void damagedLinksSayWhy();
};

void AuditFilterTest::emptyFilterSendsNothing()
{
    AuditFilter f;
    QVERIFY(f.isEmpty());
    QCOMPARE(f.toQuery(QDateTime::currentDateTimeUtc()), QString());
    QCOMPARE(f.canonical(), QString());
}

void AuditFilterTest::relativeRangeResolvesAgainstNow()
{
    AuditFilter f;
    f.range = QStringLiteral("24h");
    const QDateTime now = QDateTime(QDate(2026, 12, 6), QTime(15, 0), Qt::UTC);
    const QUrlQuery q(f.toQuery(now));
    QCOMPARE(q.queryItemValue(QStringLiteral("from"), QUrl::FullyDecoded), QStringLiteral("2026-12-05T15:00:00Z"));
    QVERIFY(!q.hasQueryItem(QStringLiteral("to")));
    QVERIFY(!q.hasQueryItem(QStringLiteral("range"))); // the server does not know relative ranges
    QCOMPARE(f.resolved(now).from, now.addDays(-1));
    QVERIFY(f.resolved(now).range.isEmpty());
}

void AuditFilterTest::queryCarriesEveryFilterEncoded()
{
    AuditFilter f;
    f.from = QDateTime(QDate(2026, 12, 1), QTime(0, 0), Qt::UTC);
    f.to = QDateTime(QDate(2026, 12, 2), QTime(0, 0), Qt::UTC);
    f.actor = QStringLiteral("Owner+1@acme.example");
    f.org = QStringLiteral("org-1");
    f.groups = {QStringLiteral("role"), QStringLiteral("org")};
    f.outcomes = {QStringLiteral("denied"), QStringLiteral("failure")};
    f.text = QStringLiteral("a&b=c d");
    const QUrlQuery q(f.toQuery(QDateTime::currentDateTimeUtc()));
    QCOMPARE(q.queryItemValue(QStringLiteral("actor"), QUrl::FullyDecoded), f.actor);
    QCOMPARE(q.queryItemValue(QStringLiteral("group"), QUrl::FullyDecoded), QStringLiteral("role,org"));
    QCOMPARE(q.queryItemValue(QStringLiteral("outcome"), QUrl::FullyDecoded), QStringLiteral("denied,failure"));
    QCOMPARE(q.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded), f.text);
    QCOMPARE(q.queryItemValue(QStringLiteral("to"), QUrl::FullyDecoded), QStringLiteral("2026-12-02T00:00:00Z"));
}

void AuditFilterTest::timesAreWholeSecondsAndNeverNarrowTheRange()
{
    AuditFilter f;
    f.from = QDateTime(QDate(2026, 12, 1), QTime(8, 30, 0, 250), Qt::UTC);
    f.to = QDateTime(QDate(2026, 12, 1), QTime(9, 0, 59, 1), Qt::UTC);
    const QUrlQuery q(f.toQuery(QDateTime::currentDateTimeUtc()));
    QCOMPARE(q.queryItemValue(QStringLiteral("from"), QUrl::FullyDecoded), QStringLiteral("2026-12-01T08:30:00Z"));
    QCOMPARE(q.queryItemValue(QStringLiteral("to"), QUrl::FullyDecoded), QStringLiteral("2026-12-01T09:01:00Z"));
}

void AuditFilterTest::linkRoundTripsEveryField()
{
    AuditFilter f;
    f.from = QDateTime(QDate(2026, 11, 1), QTime(8, 30, 0), Qt::UTC);
    f.to = QDateTime(QDate(2026, 12, 1), QTime(0, 0), Qt::UTC);
    f.actor = QStringLiteral("superadmin@northwind.example");
    f.org = QStringLiteral("7f1c0c1e-org");
    f.groups = {QStringLiteral("role")};
    f.actions = {QStringLiteral("role.assign"), QStringLiteral("role.revoke")};
    f.outcomes = {QStringLiteral("success")};
    f.targetType = QStringLiteral("role_assignment");
    f.targetId = QStringLiteral("ra-1");
    f.target = QStringLiteral("Jörg Müller");
    f.clientAddress = QStringLiteral("127.0.0.1");
    f.requestId = QStringLiteral("req-42");
    f.text = QStringLiteral("100% / ünïcode & more");
    const QString link = f.toLink();
    QVERIFY(link.startsWith(QStringLiteral("trellis-audit:")));
    // Safe to paste anywhere: no white space, no characters that need quoting.
    for (const QChar c : link.mid(14))
        QVERIFY2(c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('_'), qPrintable(link));
    QString error;
    const auto parsed = AuditFilter::fromLink(QStringLiteral("  ") + link + QStringLiteral("\n"), &error);
    QVERIFY2(parsed, qPrintable(error));
    QCOMPARE(*parsed, f);
}

void AuditFilterTest::linkKeepsARelativeRangeRelative()
{
    AuditFilter f;
    f.range = QStringLiteral("7d");
    f.outcomes = {QStringLiteral("denied")};
    const auto parsed = AuditFilter::fromLink(f.toLink());
    QVERIFY(parsed);
    QCOMPARE(parsed->range, QStringLiteral("7d"));
    QVERIFY(!parsed->from.isValid());
    QCOMPARE(*parsed, f);
}

void AuditFilterTest::damagedLinksSayWhy_data()
{
    QTest::addColumn<QString>("link");
    QTest::addColumn<QString>("mentions");
    const auto encode = [](const char* query) {
        return QStringLiteral("trellis-audit:") + QString::fromLatin1(QByteArray(query).toBase64(
                                                      QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    };
    QTest::newRow("not a link") << QStringLiteral("https://example.com") << QStringLiteral("trellis-audit:");
    QTest::newRow("not base64") << QStringLiteral("trellis-audit:***") << QStringLiteral("damaged");
    QTest::newRow("unknown key") << encode("colour=blue") << QStringLiteral("colour");
    QTest::newRow("unknown outcome") << encode("outcome=success,maybe") << QStringLiteral("maybe");
    QTest::newRow("unknown range") << encode("range=2w") << QStringLiteral("2w");
    QTest::newRow("bad time") << encode("from=yesterday") << QStringLiteral("yesterday");
    QTest::newRow("backwards") << encode("from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z")
                               << QStringLiteral("ends before");
}

void AuditFilterTest::damagedLinksSayWhy()
{
    QFETCH(QString, link);
    QFETCH(QString, mentions);
    QString error;
    QVERIFY(!AuditFilter::fromLink(link, &error));
    QVERIFY2(error.contains(mentions), qPrintable(error));
}

QTEST_GUILESS_MAIN(AuditFilterTest)
#include "AuditFilterTest.moc"
