#pragma once

#include <QString>

namespace trellis::tests {

/// Writes a fresh P-256 key and a self-signed certificate for "localhost" and 127.0.0.1 as PEM files.
/// Returns an empty string on success, else what failed.
QString writeSelfSignedCertificate(const QString& certificateFile, const QString& keyFile);

} // namespace trellis::tests
