#pragma once

#include <nlohmann/json.hpp>

#include <QByteArray>
#include <QTest>

/// QCOMPARE for nlohmann::json values: compares (and on failure prints) their compact JSON text.
#define QCOMPARE_JSON(actual, expected)                                                                                \
    QCOMPARE(QByteArray::fromStdString(nlohmann::json(actual).dump()),                                                 \
             QByteArray::fromStdString(nlohmann::json(expected).dump()))
