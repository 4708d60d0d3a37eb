#pragma once

// The console's look, after ISA-101 high-performance HMI practice: a grey,
// low-contrast base so that colour is left for abnormal states only. Colour is
// never decoration: a coloured element means "look here".

#include <QColor>
#include <QString>

class QApplication;
class QWidget;

namespace gtx::ui {

// The state an element shows. Normal is grey; the others are the only
// colours on screen.
enum class HmiState
{
    Normal,
    AlarmHigh,    // red: act now
    AlarmMedium,  // amber: act soon, or an input that needs correcting
    Info          // blue-grey: worth noticing, nothing wrong
};

struct HmiPalette
{
    QColor window{0xd9, 0xd9, 0xd9};       // light grey background
    QColor panel{0xe8, 0xe8, 0xe8};        // group boxes, navigation
    QColor field{0xf4, 0xf4, 0xf4};        // editable fields
    QColor text{0x26, 0x26, 0x26};         // dark grey text
    QColor mutedText{0x5c, 0x5c, 0x5c};    // labels of secondary importance
    QColor disabledText{0x8c, 0x8c, 0x8c};
    QColor border{0xa6, 0xa6, 0xa6};
    QColor selection{0xb3, 0xb3, 0xb3};    // selected navigation item: darker grey
    QColor alarmHigh{0xc6, 0x28, 0x28};
    QColor alarmHighText{0xff, 0xff, 0xff};
    QColor alarmMedium{0xf0, 0xa8, 0x00};
    QColor alarmMediumText{0x1a, 0x1a, 0x1a};
    QColor info{0x3d, 0x5a, 0x80};
    QColor infoText{0xff, 0xff, 0xff};
};

class HmiStyle
{
public:
    static const HmiPalette &palette();

    // Fusion style, the grey palette, the fonts (Noto Sans, then Noto Sans
    // Thai, then Loma for Thai) and the style sheet, application-wide.
    static void apply(QApplication &app);

    // The style sheet with the palette's colours filled in.
    static QString styleSheet();

    // Marks a widget with a state; the style sheet colours it.
    static void setState(QWidget *widget, HmiState state);
    static HmiState state(const QWidget *widget);
};

} // namespace gtx::ui
