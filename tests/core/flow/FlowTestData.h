#pragma once

#include <nlohmann/json.hpp>

#include <QDir>
#include <QFile>
#include <QString>
#include <QTest>

/// Folder of the flow fixtures (tests/data/flows), from TRELLIS_TEST_DATA set by trellis_add_test.
inline QString flowTestDataDir(const QString& sub)
{
    return qEnvironmentVariable("TRELLIS_TEST_DATA") + QStringLiteral("/flows/") + sub;
}

/// Reads a JSON fixture; an unreadable or malformed file fails the test instead of passing with nothing.
inline nlohmann::json readJsonFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        QTest::qFail(qPrintable(QStringLiteral("cannot read ") + path), __FILE__, __LINE__);
        return nullptr;
    }
    const QByteArray bytes = file.readAll();
    try {
        return nlohmann::json::parse(bytes.constData(), bytes.constData() + bytes.size());
    } catch (const nlohmann::json::exception& e) {
        QTest::qFail(qPrintable(path + QStringLiteral(": ") + QString::fromUtf8(e.what())), __FILE__, __LINE__);
        return nullptr;
    }
}

/// The case folders under a fixture folder, sorted, so QTest rows are stable.
inline QStringList flowCaseDirs(const QString& sub)
{
    return QDir(flowTestDataDir(sub)).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
}
