#pragma once

#include <nlohmann/json.hpp>
#include <string>

/// Golden files list only what a case is about: every key of `expected` must be in `actual` with an equal
/// value (objects recursively; arrays and scalars exactly). Returns an empty string on a match, otherwise
/// where they differ.
inline std::string jsonSubsetMismatch(const nlohmann::json& expected, const nlohmann::json& actual,
                                      const std::string& path = "$")
{
    if (expected.is_object()) {
        if (!actual.is_object())
            return path + ": expected an object, got " + actual.dump();
        for (const auto& [key, value] : expected.items()) {
            if (!actual.contains(key))
                return path + "." + key + ": missing (expected " + value.dump() + ")";
            const std::string inner = jsonSubsetMismatch(value, actual.at(key), path + "." + key);
            if (!inner.empty())
                return inner;
        }
        return {};
    }
    if (expected != actual)
        return path + ": expected " + expected.dump() + ", got " + actual.dump();
    return {};
}
