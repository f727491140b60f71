#pragma once

#include "client/ApiFailure.h"

#include <optional>

namespace trellis::client {

/// The outcome of one asynchronous admin API call: a value, or a failure explaining why not.
template <typename T>
struct ApiResult
{
    std::optional<T> value;
    ApiFailure failure;

    bool ok() const { return value.has_value(); }
};

} // namespace trellis::client
