#include "core/User.h"

#include <QTest>

using namespace trellis::core;

/// Email normalisation: the one spelling under which a person is unique.
class TestEmail : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void normalises_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QStringLiteral("anna@acme.example") << QStringLiteral("anna@acme.example");
        QTest::newRow("case") << QStringLiteral("Anna.Bauer@ACME.Example") << QStringLiteral("anna.bauer@acme.example");
        QTest::newRow("surrounding space")
            << QStringLiteral("  anna@acme.example\t\n") << QStringLiteral("anna@acme.example");
        QTest::newRow("plus tag kept") << QStringLiteral("Anna+Test@acme.example")
                                       << QStringLiteral("anna+test@acme.example");
        QTest::newRow("non-ascii local part kept")
            << QStringLiteral("Jürgen@acme.example") << QStringLiteral("jürgen@acme.example");
    }
    void normalises()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        const auto normalised = normaliseEmail(input.toStdString());
        QVERIFY(normalised);
        QCOMPARE(QString::fromStdString(*normalised), expected);
    }

    void rejects_data()
    {
        QTest::addColumn<QString>("input");
        QTest::newRow("empty") << QString();
        QTest::newRow("no at") << QStringLiteral("anna.acme.example");
        QTest::newRow("two ats") << QStringLiteral("anna@b@acme.example");
        QTest::newRow("empty local part") << QStringLiteral("@acme.example");
        QTest::newRow("undotted domain") << QStringLiteral("anna@localhost");
        QTest::newRow("domain ends with dot") << QStringLiteral("anna@acme.");
        QTest::newRow("domain starts with dot") << QStringLiteral("anna@.example");
        QTest::newRow("inner space") << QStringLiteral("an na@acme.example");
        QTest::newRow("angle brackets") << QStringLiteral("<anna@acme.example>");
        QTest::newRow("too long") << QString(250, u'a') + QStringLiteral("@acme.example");
    }
    void rejects()
    {
        QFETCH(QString, input);
        QVERIFY(!normaliseEmail(input.toStdString()));
    }
};

QTEST_APPLESS_MAIN(TestEmail)
#include "tst_email.moc"
