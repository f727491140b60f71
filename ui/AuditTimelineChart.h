#pragma once

#include "client/AuditRecords.h"

#include <QWidget>

class QLabel;

class QChart;
class QChartView;
class QBarSet;

namespace trellis::ui {

/// The audit browser's timeline: events per time bucket, stacked by outcome (success, denied, failure), from
/// GET /audit/histogram. Clicking a bar emits bucketClicked() with that bucket's time span, to zoom the filter to it.
class AuditTimelineChart : public QWidget
{
    Q_OBJECT
public:
    explicit AuditTimelineChart(QWidget* parent = nullptr);

    /// Shows `histogram`; gaps between buckets inside [from, to) are drawn as empty bars so time reads left to right.
    void setHistogram(const client::AuditHistogram& histogram, const QDateTime& from, const QDateTime& to);
    void setMessage(const QString& message);
    const client::AuditHistogram& histogram() const { return m_histogram; }
    /// The buckets as drawn (gaps filled), oldest first.
    const std::vector<client::AuditBucket>& bars() const { return m_bars; }
    QChartView* view() const { return m_view; }
    /// As if the user clicked bar `index`.
    void clickBar(int index);

Q_SIGNALS:
    void bucketClicked(const QDateTime& start, const QDateTime& end);

private:
    QString label(const QDateTime& start) const;

    QChart* m_chart = nullptr;
    QChartView* m_view = nullptr;
    QLabel* m_message = nullptr;
    client::AuditHistogram m_histogram;
    std::vector<client::AuditBucket> m_bars;
};

} // namespace trellis::ui
