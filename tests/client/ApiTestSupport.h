#pragma once

#include "client/ApiResult.h"

#include <optional>

#include <QTest>

namespace trellis::test {

/// Waits (spinning the event loop) until an asynchronous API callback stored its result in `slot`.
template <typename T>
bool waitForResult(const std::optional<T>& slot, int timeoutMs = 15000)
{
    return QTest::qWaitFor([&slot] { return slot.has_value(); }, timeoutMs);
}

/// Runs one ApiClient call and returns its result; `call(context, callback)` starts it.
template <typename T, typename Call>
client::ApiResult<T> callAndWait(Call call, int timeoutMs = 15000)
{
    QObject context;
    std::optional<client::ApiResult<T>> out;
    call(&context, [&out](client::ApiResult<T> r) { out = std::move(r); });
    if (!waitForResult(out, timeoutMs)) {
        client::ApiResult<T> timedOut;
        timedOut.failure.code = QStringLiteral("test_timeout");
        timedOut.failure.message = QStringLiteral("no callback within the test's timeout");
        return timedOut;
    }
    return std::move(*out);
}

} // namespace trellis::test
