#include "ui/AuditTimelineChart.h"

#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QGraphicsLayout>
#include <QLabel>
#include <QStackedBarSeries>
#include <QVBoxLayout>
#include <QValueAxis>

namespace trellis::ui {

namespace {

/// More bars than this are not filled in between (a very long range in small buckets): only buckets with events show.
constexpr int kMaxFilledBars = 400;
constexpr int kMaxLabels = 8;

} // namespace

AuditTimelineChart::AuditTimelineChart(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("auditTimeline"));
    setAccessibleName(tr("Timeline of events by outcome"));
    m_chart = new QChart;
    m_chart->legend()->setAlignment(Qt::AlignRight);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->setBackgroundRoundness(0);
    m_chart->layout()->setContentsMargins(0, 0, 0, 0);
    m_view = new QChartView(m_chart, this);
    m_view->setObjectName(QStringLiteral("auditTimelineView"));
    m_view->setAccessibleName(tr("Timeline chart; click a bar to show only that time"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(150);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("auditTimelineMessage"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setVisible(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    layout->addWidget(m_message);
}

void AuditTimelineChart::setMessage(const QString& message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

QString AuditTimelineChart::label(const QDateTime& start) const
{
    const QDateTime local = start.toLocalTime();
    // Month names in the user's language, short enough for a few labels along the axis.
    if (m_histogram.bucket == QLatin1String("day"))
        return QLocale().toString(local, QStringLiteral("d MMM"));
    if (m_histogram.bucket == QLatin1String("minute"))
        return QLocale().toString(local, QStringLiteral("HH:mm"));
    return QLocale().toString(local, QStringLiteral("d MMM HH:mm"));
}

void AuditTimelineChart::setHistogram(const client::AuditHistogram& histogram, const QDateTime& from,
                                      const QDateTime& to)
{
    m_histogram = histogram;
    m_bars.clear();
    const qint64 step = histogram.bucketSeconds();
    if (!histogram.buckets.empty()) {
        // Contiguous buckets from the first with events (or the range's start) to the last (or the range's end).
        QDateTime start = histogram.buckets.front().start;
        QDateTime end = histogram.buckets.back().start;
        if (from.isValid() && from < start)
            start = QDateTime::fromSecsSinceEpoch(from.toSecsSinceEpoch() / step * step, Qt::UTC);
        if (to.isValid()) {
            const QDateTime last = QDateTime::fromSecsSinceEpoch((to.toSecsSinceEpoch() - 1) / step * step, Qt::UTC);
            if (last > end)
                end = last;
        }
        const qint64 count = (end.toSecsSinceEpoch() - start.toSecsSinceEpoch()) / step + 1;
        if (count <= kMaxFilledBars) {
            size_t next = 0;
            for (qint64 i = 0; i < count; ++i) {
                const QDateTime at = start.addSecs(i * step);
                if (next < histogram.buckets.size() && histogram.buckets[next].start == at)
                    m_bars.push_back(histogram.buckets[next++]);
                else
                    m_bars.push_back({at, 0, 0, 0});
            }
            // A server bucket not on the expected grid would otherwise be lost.
            if (next != histogram.buckets.size())
                m_bars = histogram.buckets;
        } else {
            m_bars = histogram.buckets;
        }
    }

    m_chart->removeAllSeries();
    for (QAbstractAxis* axis : m_chart->axes())
        m_chart->removeAxis(axis);

    auto* success = new QBarSet(tr("Success"));
    auto* denied = new QBarSet(tr("Denied"));
    auto* failure = new QBarSet(tr("Failure"));
    success->setColor(QColor(0x2e, 0x8b, 0x57));
    denied->setColor(QColor(0xe6, 0x8a, 0x00));
    failure->setColor(QColor(0xc0, 0x1c, 0x28));
    int highest = 0;
    for (const auto& bar : m_bars) {
        *success << bar.success;
        *denied << bar.denied;
        *failure << bar.failure;
        highest = std::max(highest, bar.total());
    }
    auto* series = new QStackedBarSeries;
    series->setBarWidth(0.9);
    series->append(success);
    series->append(denied);
    series->append(failure);
    m_chart->addSeries(series);
    connect(series, &QStackedBarSeries::clicked, this, [this](int index, QBarSet*) { clickBar(index); });

    // A value axis along the bars (they sit at 0, 1, 2, …) labelled with a few bucket times, so labels never crowd.
    auto* timeAxis = new QCategoryAxis;
    timeAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    timeAxis->setRange(-0.5, std::max<double>(0.5, double(m_bars.size()) - 0.5));
    timeAxis->setGridLineVisible(false);
    const int n = int(m_bars.size());
    const int every = std::max(1, (n + kMaxLabels - 1) / kMaxLabels);
    for (int i = 0; i < n; i += every)
        timeAxis->append(label(m_bars[size_t(i)].start), i);
    m_chart->addAxis(timeAxis, Qt::AlignBottom);
    series->attachAxis(timeAxis);
    auto* countAxis = new QValueAxis;
    countAxis->setLabelFormat(QStringLiteral("%d"));
    countAxis->setRange(0, std::max(1, highest));
    countAxis->setTickCount(std::min(5, std::max(2, highest + 1)));
    m_chart->addAxis(countAxis, Qt::AlignLeft);
    series->attachAxis(countAxis);

    setMessage(m_bars.empty() ? tr("No events in this range.") : QString());
}

void AuditTimelineChart::clickBar(int index)
{
    if (index < 0 || index >= int(m_bars.size()))
        return;
    const QDateTime start = m_bars[size_t(index)].start;
    Q_EMIT bucketClicked(start, start.addSecs(m_histogram.bucketSeconds()));
}

} // namespace trellis::ui
