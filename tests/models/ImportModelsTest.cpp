// The CSV import's local parts, without a server: the file checks (size, encoding, CSV syntax, header), the CSV it
// sends (subsets, default mode, quoting read back by the same reader the server uses), and the rows model (dry run
// and commit results, plain words per error naming the column, the error filter, the results CSV).
#include "core/CsvReader.h"
#include "models/ImportFile.h"
#include "models/ImportRowsModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QtTest>

using trellis::client::ImportReport;
using trellis::client::ImportRowResult;
using trellis::models::ImportFile;
using trellis::models::ImportRowsModel;

namespace {

ImportRowResult ok(int row, const char* action)
{
    ImportRowResult r;
    r.row = row;
    r.action = QString::fromLatin1(action);
    return r;
}

ImportRowResult error(int row, const char* code, const char* field, const char* message = "")
{
    ImportRowResult r;
    r.row = row;
    r.action = QStringLiteral("skip");
    r.errorCode = QString::fromLatin1(code);
    r.errorField = QString::fromLatin1(field);
    r.errorMessage = QString::fromLatin1(message);
    return r;
}

const QByteArray kFile = "email,displayName,title,roles,expiresAt\n"
                         "ada@example.com,\"Lovelace, Ada\",Buyer,member,\n"
                         "not-an-address,Bad,,,\n"
                         "ada@example.com,Ada Again,,,\n"
                         "cleo@example.com,Cleo,,nope,\n"
                         "dan@example.com,Dan,,,2020-01-01T00:00:00Z\n"
                         "eve@example.com,Eve\n";

} // namespace

class ImportModelsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsAWellFormedFile();
    void refusesWhatTheServerWouldRefuse_data();
    void refusesWhatTheServerWouldRefuse();
    void refusesATooLargeFileBeforeReadingIt();
    void writesSubsetsWithTheDefaultMode();
    void rowsModelShowsPreviewAndErrorsInPlainWords();
    void rowsModelFollowsTheCommit();
};

void ImportModelsTest::readsAWellFormedFile()
{
    ImportFile file;
    QVERIFY2(file.setContent("\xEF\xBB\xBF" + kFile), qPrintable(file.problem()));
    QCOMPARE(file.header(),
             (QStringList{QStringLiteral("email"), QStringLiteral("displayName"), QStringLiteral("title"),
                          QStringLiteral("roles"), QStringLiteral("expiresAt")}));
    QCOMPARE(file.rowCount(), 6);
    QCOMPARE(file.value(0, QStringLiteral("displayName")), QStringLiteral("Lovelace, Ada"));
    QCOMPARE(file.lineOf(0), 2);
    QCOMPARE(file.lineOf(5), 7);
    QCOMPARE(file.fieldCount(5), 2);
    QCOMPARE(file.value(5, QStringLiteral("roles")), QString());

    // Header names in any case and order, as the server accepts them.
    QVERIFY(file.setContent("Mode,EMAIL\ninvite,x@example.com\n"));
    QCOMPARE(file.header(), (QStringList{QStringLiteral("mode"), QStringLiteral("email")}));
}

void ImportModelsTest::refusesWhatTheServerWouldRefuse_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected"); // part of the message

    QTest::newRow("empty") << QByteArray() << QStringLiteral("empty");
    QTest::newRow("latin-1") << QByteArray("email,displayName\nj@example.com,J\xFCrgen\n") << QStringLiteral("line 2");
    QTest::newRow("utf-16") << QByteArray("\xFF\xFE"
                                          "e\0m\0",
                                          6)
                            << QStringLiteral("UTF-16");
    QTest::newRow("semicolons") << QByteArray("email;displayName\nj@example.com;J\n") << QStringLiteral("semicolons");
    QTest::newRow("unknown column") << QByteArray("email,phone\nj@example.com,1\n") << QStringLiteral("\"phone\"");
    QTest::newRow("twice") << QByteArray("email,Email\nj@example.com,k@example.com\n") << QStringLiteral("twice");
    QTest::newRow("no email") << QByteArray("displayName\nJ\n") << QStringLiteral("email");
    QTest::newRow("no rows") << QByteArray("email,displayName\n") << QStringLiteral("no people");
    QTest::newRow("open quote") << QByteArray("email,displayName\nj@example.com,\"J\n") << QStringLiteral("line 2");
    QByteArray many = "email\n";
    for (int i = 0; i <= ImportFile::kMaxRows; ++i)
        many += "p" + QByteArray::number(i) + "@example.com\n";
    QTest::newRow("too many rows") << many << QStringLiteral("5000");
}

void ImportModelsTest::refusesWhatTheServerWouldRefuse()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    ImportFile file;
    QVERIFY(!file.setContent(bytes));
    QVERIFY(!file.isValid());
    QVERIFY2(file.problem().contains(expected), qPrintable(file.problem()));
    QCOMPARE(file.rowCount(), 0);
}

void ImportModelsTest::refusesATooLargeFileBeforeReadingIt()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("big.csv"));
    QFile big(path);
    QVERIFY(big.open(QIODevice::WriteOnly));
    QVERIFY(big.resize(ImportFile::kMaxBytes + 1));
    big.close();
    ImportFile file;
    QVERIFY(!file.load(path));
    QVERIFY2(file.problem().contains(QStringLiteral("1024 KiB")), qPrintable(file.problem()));
    QVERIFY(!file.load(dir.filePath(QStringLiteral("missing.csv"))));
    QVERIFY(!file.problem().isEmpty());
}

void ImportModelsTest::writesSubsetsWithTheDefaultMode()
{
    ImportFile file;
    QVERIFY(file.setContent(kFile));
    // Invite is the server's default: the rows go out as they are (no mode column added).
    const QByteArray invite = file.toCsv({0, 3}, QStringLiteral("invite"));
    auto parsed = trellis::core::CsvReader::parse(invite.toStdString());
    QVERIFY(parsed.error.empty());
    QCOMPARE(parsed.records.size(), std::size_t(3));
    QCOMPARE(parsed.records[0].fields.size(), std::size_t(5));
    QCOMPARE(parsed.records[1].fields[1], std::string("Lovelace, Ada"));
    QCOMPARE(parsed.records[2].fields[0], std::string("cleo@example.com"));

    // Create: a mode column is added and filled in.
    const QByteArray create = file.toCsv({0, 5}, QStringLiteral("create"));
    parsed = trellis::core::CsvReader::parse(create.toStdString());
    QCOMPARE(parsed.records[0].fields.back(), std::string("mode"));
    QCOMPARE(parsed.records[1].fields.back(), std::string("create"));
    QCOMPARE(parsed.records[1].fields.size(), std::size_t(6));
    // A short row stays short, so the server still reports it.
    QCOMPARE(parsed.records[2].fields.size(), std::size_t(3));

    // A mode given in the file wins; an empty one gets the default.
    QVERIFY(file.setContent("email,mode\na@example.com,invite\nb@example.com,\n\"c \"\"q\"\"@example.com\",create\n"));
    parsed = trellis::core::CsvReader::parse(file.toCsv({0, 1, 2}, QStringLiteral("create")).toStdString());
    QCOMPARE(parsed.records[1].fields[1], std::string("invite"));
    QCOMPARE(parsed.records[2].fields[1], std::string("create"));
    QCOMPARE(parsed.records[3].fields[0], std::string("c \"q\"@example.com"));
}

void ImportModelsTest::rowsModelShowsPreviewAndErrorsInPlainWords()
{
    ImportFile file;
    QVERIFY(file.setContent(kFile));
    ImportRowsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFile(file, QStringLiteral("invite"));
    QCOMPARE(model.rowCount(), 6);
    QVERIFY(!model.hasPreview());

    ImportReport report;
    report.rows = {ok(1, "invite"),
                   error(2, "invalid_email", "email", "Not an email address like name@example.com."),
                   error(3, "duplicate_email", "email", "This address appears earlier in the file."),
                   error(4, "unknown_role", "roles", "No role \"nope\" can be used at this organisation."),
                   error(5, "invalid_field", "expiresAt", "expiresAt must lie in the future."),
                   error(6, "invalid_row", "", "This row has 2 fields; the header has 5.")};
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setPreview(report);
    QVERIFY(changed.count() >= 1);
    QVERIFY(model.hasPreview());
    QCOMPARE(model.errorCount(), 5);
    QCOMPARE(model.validCount(), 1);
    QCOMPARE(model.validRows(), std::vector<int>{0});

    const auto text = [&](int row, int column) { return model.index(row, column).data().toString(); };
    QCOMPARE(text(0, ImportRowsModel::ResultColumn), QStringLiteral("Would invite"));
    QCOMPARE(text(0, ImportRowsModel::LineColumn), QStringLiteral("2"));
    QCOMPARE(text(1, ImportRowsModel::ResultColumn), QStringLiteral("Error"));
    QCOMPARE(text(1, ImportRowsModel::DetailsColumn),
             QStringLiteral("E-mail (email): \"not-an-address\" is not an address like name@example.com."));
    QCOMPARE(text(2, ImportRowsModel::DetailsColumn),
             QStringLiteral("E-mail (email): the same address is already on line 2 of the file."));
    QCOMPARE(text(3, ImportRowsModel::DetailsColumn),
             QStringLiteral("Roles (roles): there is no role \"nope\" that can be used at this organisation."));
    QCOMPARE(text(4, ImportRowsModel::DetailsColumn),
             QStringLiteral("End of membership (expiresAt): the date has passed; it must lie in the future."));
    QCOMPARE(text(5, ImportRowsModel::DetailsColumn),
             QStringLiteral("This row has 2 fields; the first row names 5 columns. Check for a missing or extra "
                            "comma."));
    QVERIFY(model.index(1, 0).data(ImportRowsModel::HasErrorRole).toBool());

    // "Show only errors" is a plain filter on FilterRole.
    QSortFilterProxyModel errorsOnly;
    errorsOnly.setSourceModel(&model);
    errorsOnly.setFilterRole(ImportRowsModel::FilterRole);
    errorsOnly.setFilterFixedString(QStringLiteral("error"));
    QCOMPARE(errorsOnly.rowCount(), 5);

    // A code this console does not know: the server's words, behind the column's name.
    ImportRowResult unknown = error(1, "something_new", "title", "title is odd.");
    QCOMPARE(model.errorText(0, unknown), QStringLiteral("Title (title): title is odd."));
}

void ImportModelsTest::rowsModelFollowsTheCommit()
{
    ImportFile file;
    QVERIFY(file.setContent("email,displayName\na@example.com,A\nbad,B\nc@example.com,C\nd@example.com,D\n"));
    ImportRowsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFile(file, QStringLiteral("create"));
    ImportReport preview;
    preview.rows = {ok(1, "create"), error(2, "invalid_email", "email"), ok(3, "add-membership"), ok(4, "invite")};
    model.setPreview(preview);

    model.setCommitState(1, ImportRowsModel::CommitState::Skipped);
    ImportRowResult created = ok(1, "create");
    created.acceptUrl = QStringLiteral("http://127.0.0.1/accept/abc");
    model.setCommitResult(0, created);
    model.setCommitResult(2, error(2, "invitation_pending", "email"));
    model.setCommitState(3, ImportRowsModel::CommitState::NotSent, QStringLiteral("Not sent."));

    QCOMPARE(model.countInState(ImportRowsModel::CommitState::Done), 1);
    QCOMPARE(model.index(0, ImportRowsModel::ResultColumn).data().toString(), QStringLiteral("Created"));
    QCOMPARE(model.index(0, ImportRowsModel::LinkColumn).data().toString(),
             QStringLiteral("http://127.0.0.1/accept/abc"));
    QCOMPARE(model.index(1, ImportRowsModel::ResultColumn).data().toString(), QStringLiteral("Skipped (error)"));
    QCOMPARE(model.index(2, ImportRowsModel::ResultColumn).data().toString(), QStringLiteral("Not imported"));
    QCOMPARE(model.index(2, ImportRowsModel::DetailsColumn).data().toString(),
             QStringLiteral("An invitation for this address is already waiting to be accepted here."));
    QCOMPARE(model.index(3, ImportRowsModel::DetailsColumn).data().toString(), QStringLiteral("Not sent."));

    const QList<QByteArray> lines = model.resultsCsv().split('\n');
    QCOMPARE(lines.value(0).trimmed(), QByteArray("line,email,displayName,result,details,link"));
    QVERIFY2(lines.value(1).startsWith("2,a@example.com,A,Created,"), lines.value(1).constData());
    QVERIFY(lines.value(1).trimmed().endsWith("http://127.0.0.1/accept/abc"));
}

QTEST_GUILESS_MAIN(ImportModelsTest)
#include "ImportModelsTest.moc"
