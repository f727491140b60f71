#pragma once

#include <string>
#include <string_view>

#include <QByteArray>
#include <QProcess>
#include <QStringList>

// The `openssl` command-line tool as an independent implementation to check our helpers against.
namespace OpenSslCli {

struct Result
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

inline Result run(const QStringList& arguments, const QByteArray& input = {})
{
    QProcess process;
    process.start(QStringLiteral("openssl"), arguments);
    Result result;
    if (!process.waitForStarted(10000))
        return result;
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(30000))
        return result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

inline QByteArray bytes(std::string_view s)
{
    return QByteArray(s.data(), qsizetype(s.size()));
}

inline std::string str(const QByteArray& b)
{
    return std::string(b.constData(), std::size_t(b.size()));
}

/// DER of an EC public key in SubjectPublicKeyInfo form ends with the 65-byte uncompressed point 04||x||y.
inline QByteArray uncompressedPoint(const QByteArray& spkiDer)
{
    return spkiDer.right(65);
}

} // namespace OpenSslCli
