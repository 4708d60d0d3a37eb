#include "ui/style/hmistyle.h"

#include <QApplication>
#include <QFile>
#include <QFont>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>
#include <QVariant>
#include <QWidget>

namespace gtx::ui {

namespace {

constexpr char kStateProperty[] = "hmiState";

const char *stateName(HmiState state)
{
    switch (state) {
    case HmiState::AlarmHigh:
        return "alarmHigh";
    case HmiState::AlarmMedium:
        return "alarmMedium";
    case HmiState::Info:
        return "info";
    case HmiState::Normal:
        break;
    }
    return "normal";
}

QPalette makeQPalette(const HmiPalette &p)
{
    QPalette q;
    for (auto group : {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
        const bool disabled = group == QPalette::Disabled;
        const QColor text = disabled ? p.disabledText : p.text;
        q.setColor(group, QPalette::Window, p.window);
        q.setColor(group, QPalette::WindowText, text);
        q.setColor(group, QPalette::Base, disabled ? p.panel : p.field);
        q.setColor(group, QPalette::AlternateBase, p.panel);
        q.setColor(group, QPalette::Text, text);
        q.setColor(group, QPalette::PlaceholderText, p.disabledText);
        q.setColor(group, QPalette::Button, p.panel);
        q.setColor(group, QPalette::ButtonText, text);
        q.setColor(group, QPalette::BrightText, p.text);
        q.setColor(group, QPalette::Highlight, p.selection);
        q.setColor(group, QPalette::HighlightedText, p.text);
        q.setColor(group, QPalette::ToolTipBase, p.field);
        q.setColor(group, QPalette::ToolTipText, p.text);
        q.setColor(group, QPalette::Link, p.text);
        q.setColor(group, QPalette::LinkVisited, p.text);
        q.setColor(group, QPalette::Light, p.field);
        q.setColor(group, QPalette::Midlight, p.panel);
        q.setColor(group, QPalette::Mid, p.border);
        q.setColor(group, QPalette::Dark, p.mutedText);
        q.setColor(group, QPalette::Shadow, p.mutedText);
    }
    return q;
}

} // namespace

const HmiPalette &HmiStyle::palette()
{
    static const HmiPalette palette;
    return palette;
}

QString HmiStyle::styleSheet()
{
    QFile file(QStringLiteral(":/style/hmi.qss"));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    QString sheet = QString::fromUtf8(file.readAll());
    const HmiPalette &p = palette();
    const std::pair<const char *, QColor> tokens[] = {
        {"@window@", p.window},
        {"@panel@", p.panel},
        {"@field@", p.field},
        {"@text@", p.text},
        {"@mutedText@", p.mutedText},
        {"@disabledText@", p.disabledText},
        {"@border@", p.border},
        {"@selection@", p.selection},
        {"@alarmHigh@", p.alarmHigh},
        {"@alarmHighText@", p.alarmHighText},
        {"@alarmMedium@", p.alarmMedium},
        {"@alarmMediumText@", p.alarmMediumText},
        {"@info@", p.info},
        {"@infoText@", p.infoText},
    };
    for (const auto &[token, colour] : tokens)
        sheet.replace(QLatin1String(token), colour.name());
    return sheet;
}

void HmiStyle::apply(QApplication &app)
{
    if (QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion")))
        QApplication::setStyle(fusion);
    QApplication::setPalette(makeQPalette(palette()));

    // Latin text in Noto Sans, Thai in Noto Sans Thai; Loma (fonts-thai-tlwg)
    // when Noto is missing. Without this Qt picks Loma for Thai and a
    // different Latin face, and the two mix badly on one line.
    QFont font = QApplication::font();
    font.setFamilies({QStringLiteral("Noto Sans"), QStringLiteral("Noto Sans Thai"),
                      QStringLiteral("Loma")});
    font.setPointSize(10);
    QApplication::setFont(font);

    app.setStyleSheet(styleSheet());
}

void HmiStyle::setState(QWidget *widget, HmiState state)
{
    if (HmiStyle::state(widget) == state && widget->property(kStateProperty).isValid())
        return;
    widget->setProperty(kStateProperty, QString::fromLatin1(stateName(state)));
    // Dynamic properties are matched when a widget is polished: re-polish.
    widget->style()->unpolish(widget);
    widget->style()->polish(widget);
    widget->update();
}

HmiState HmiStyle::state(const QWidget *widget)
{
    const QString name = widget->property(kStateProperty).toString();
    for (auto s : {HmiState::AlarmHigh, HmiState::AlarmMedium, HmiState::Info}) {
        if (name == QLatin1String(stateName(s)))
            return s;
    }
    return HmiState::Normal;
}

} // namespace gtx::ui
