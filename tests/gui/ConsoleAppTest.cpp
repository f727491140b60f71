// The `trellis` executable as users and scripts run it: --screenshot, --show, --help (in English and German).
#include <QColor>
#include <QImage>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

namespace {

QString consoleExecutable()
{
    return qEnvironmentVariable("TRELLIS_CONSOLE");
}

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run runConsole(const QStringList& arguments, const QProcessEnvironment& environment, int timeoutMs)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(consoleExecutable(), arguments);
    Run run;
    if (!process.waitForStarted(10000))
        return run;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        run.err = process.readAllStandardError();
        return run;
    }
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return run;
}

} // namespace

class ConsoleAppTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void helpIsTranslated_data();
    void helpIsTranslated();
    void unknownSectionIsRejected();
    void screenshot_data();
    void screenshot();

private:
    QProcessEnvironment environment(const QString& language) const;

    QTemporaryDir m_home;
};

void ConsoleAppTest::initTestCase()
{
    if (consoleExecutable().isEmpty())
        QSKIP("TRELLIS_CONSOLE is not set; run this test through ctest");
    QVERIFY(m_home.isValid());
}

QProcessEnvironment ConsoleAppTest::environment(const QString& language) const
{
    // A private home: the local workspace (and its demo data) lands in the temporary folder, not the user's.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), m_home.path());
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("LANGUAGE"), language);
    return env;
}

void ConsoleAppTest::helpIsTranslated_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("expected");
    QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("administration console");
    QTest::newRow("de") << QStringLiteral("de") << QStringLiteral("Verwaltungskonsole");
    // A language without a translation falls back to English.
    QTest::newRow("fr,en") << QStringLiteral("fr:en") << QStringLiteral("administration console");
}

void ConsoleAppTest::helpIsTranslated()
{
    QFETCH(QString, language);
    QFETCH(QString, expected);
    const Run run = runConsole({QStringLiteral("--help")}, environment(language), 30000);
    QCOMPARE(run.exitCode, 0);
    const QString help = QString::fromUtf8(run.out);
    QVERIFY2(help.contains(expected), qPrintable(help));
    QVERIFY(help.contains(QStringLiteral("--screenshot")));
    QVERIFY(help.contains(QStringLiteral("--show")));
}

void ConsoleAppTest::unknownSectionIsRejected()
{
    const Run run = runConsole({QStringLiteral("--show"), QStringLiteral("nonsense"), QStringLiteral("--screenshot"),
                                m_home.filePath(QStringLiteral("never.png"))},
                               environment(QStringLiteral("en")), 30000);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("nonsense") && run.err.contains("orgs"), run.err.constData());
    QVERIFY(!QFile::exists(m_home.filePath(QStringLiteral("never.png"))));
}

void ConsoleAppTest::screenshot_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("section");
    QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("orgs");
    QTest::newRow("de") << QStringLiteral("de") << QStringLiteral("orgs");
    QTest::newRow("roles-en") << QStringLiteral("en") << QStringLiteral("roles");
    QTest::newRow("flows-en") << QStringLiteral("en") << QStringLiteral("flows");
    QTest::newRow("flows-de") << QStringLiteral("de") << QStringLiteral("flows");
    QTest::newRow("audit-en") << QStringLiteral("en") << QStringLiteral("audit");
    QTest::newRow("audit-de") << QStringLiteral("de") << QStringLiteral("audit");
    QTest::newRow("reviews-en") << QStringLiteral("en") << QStringLiteral("reviews");
    QTest::newRow("reviews-de") << QStringLiteral("de") << QStringLiteral("reviews");
}

void ConsoleAppTest::screenshot()
{
    QFETCH(QString, language);
    QFETCH(QString, section);
    const QString path = m_home.filePath(QStringLiteral("trellis-%1-%2.png").arg(section, language));
    const Run run = runConsole({QStringLiteral("--screenshot"), path, QStringLiteral("--show"), section},
                               environment(language), 120000);
    QVERIFY2(run.exitCode == 0, run.err.right(2000).constData());

    QImage image(path);
    QVERIFY2(!image.isNull(), qPrintable(path));
    QCOMPARE(image.size(), QSize(1280, 800));
    // Not blank: many colours (text, icons, selection), and no single colour covering almost everything.
    QHash<QRgb, int> counts;
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 2)
            ++counts[image.pixel(x, y)];
    }
    int largest = 0;
    for (int count : std::as_const(counts))
        largest = qMax(largest, count);
    const int sampled = (image.width() / 2) * (image.height() / 2);
    QVERIFY2(counts.size() > 50, qPrintable(QString::number(counts.size())));
    QVERIFY2(largest < sampled * 9 / 10, qPrintable(QStringLiteral("%1 of %2").arg(largest).arg(sampled)));
    if (section == QLatin1String("reviews")) {
        // The demo campaign's items are listed: the inactive flag's icon colour is on screen.
        bool flag = false;
        for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
            const QColor c(it.key());
            flag = flag || (qAbs(c.red() - 0x8a) < 24 && qAbs(c.green() - 0x5a) < 24 && c.blue() < 40);
        }
        QVERIFY2(flag, "the review items with their flags are drawn");
        return;
    }
    // Some of the org kinds' icon colours are on screen (manufacturer blue, reseller green).
    bool blue = false;
    bool green = false;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        const QColor c(it.key());
        blue = blue || (qAbs(c.red() - 0x1f) < 24 && qAbs(c.green() - 0x5f) < 24 && qAbs(c.blue() - 0x9e) < 24);
        green = green || (qAbs(c.red() - 0x2f) < 24 && qAbs(c.green() - 0x85) < 24 && qAbs(c.blue() - 0x5a) < 24);
    }
    QVERIFY2(blue && green, "the org kind icons are drawn");
}

QTEST_GUILESS_MAIN(ConsoleAppTest)
#include "ConsoleAppTest.moc"
