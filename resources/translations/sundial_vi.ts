<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>Duration</name>
    <message numerus="yes">
        <location filename="../../ui/tray/childstatus.cpp" line="126"/>
        <source>%n s</source>
        <translation>
            <numerusform>%n giây</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/tray/childstatus.cpp" line="131"/>
        <source>%n min</source>
        <translation>
            <numerusform>%n phút</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/tray/childstatus.cpp" line="134"/>
        <source>%n h</source>
        <translation>
            <numerusform>%n giờ</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/tray/childstatus.cpp" line="136"/>
        <source>%1 h %2 min</source>
        <translation>%1 giờ %2 phút</translation>
    </message>
</context>
<context>
    <name>Notifications</name>
    <message>
        <location filename="../../ui/tray/desktopnotifier.cpp" line="26"/>
        <source>%1 of screen time left</source>
        <translation>Còn %1 thời gian dùng máy</translation>
    </message>
</context>
<context>
    <name>Reason</name>
    <message>
        <location filename="../../ui/tray/childstatus.cpp" line="64"/>
        <source>%1 at %2</source>
        <translation>%1 lúc %2</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childstatus.cpp" line="74"/>
        <source>No limit today</source>
        <translation>Hôm nay không giới hạn</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childstatus.cpp" line="77"/>
        <source>Free time until %1</source>
        <translation>Được dùng tự do đến %1</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childstatus.cpp" line="80"/>
        <source>Free time ends at %1</source>
        <translation>Thời gian tự do kết thúc lúc %1</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childstatus.cpp" line="83"/>
        <source>Allowed hours end at %1</source>
        <translation>Giờ được phép kết thúc lúc %1</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childstatus.cpp" line="86"/>
        <source>Outside allowed hours; next allowed at %1</source>
        <translation>Ngoài giờ được phép; lần tới được dùng lúc %1</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childstatus.cpp" line="87"/>
        <source>Outside allowed hours</source>
        <translation>Ngoài giờ được phép</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childstatus.cpp" line="90"/>
        <source>%1 of %2&apos;s %3 and %4 extra left</source>
        <translation>Còn %1 trong %3 (thêm %4) của %2</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childstatus.cpp" line="93"/>
        <source>%1 of %2&apos;s %3 left</source>
        <translation>Còn %1 trong %3 của %2</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childstatus.cpp" line="97"/>
        <source>%1&apos;s %2 and %3 extra are used up</source>
        <translation>Đã dùng hết %2 (thêm %3) của %1</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childstatus.cpp" line="99"/>
        <source>%1&apos;s %2 are used up</source>
        <translation>Đã dùng hết %2 của %1</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childstatus.cpp" line="102"/>
        <source>%1 of this week&apos;s %2 left</source>
        <translation>Còn %1 trong %2 của tuần này</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childstatus.cpp" line="105"/>
        <source>This week&apos;s %1 are used up</source>
        <translation>Đã dùng hết %1 của tuần này</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childstatus.cpp" line="112"/>
        <source>Which apps you use and when</source>
        <translation>Em dùng ứng dụng nào và khi nào</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childstatus.cpp" line="113"/>
        <source>, full web addresses</source>
        <translation>, địa chỉ web đầy đủ</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childstatus.cpp" line="113"/>
        <source>, which web sites (domain only)</source>
        <translation>, trang web nào (chỉ tên miền)</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childstatus.cpp" line="115"/>
        <source>, window titles</source>
        <translation>, tiêu đề cửa sổ</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childstatus.cpp" line="118"/>
        <source>Details are kept %1 days, daily totals %2 days.</source>
        <translation>Chi tiết được giữ %1 ngày, tổng theo ngày %2 ngày.</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childstatus.cpp" line="119"/>
        <source>Never keystrokes, never screenshots.</source>
        <translation>Không bao giờ ghi phím gõ, không bao giờ chụp màn hình.</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../ui/tray/main.cpp" line="154"/>
        <source>Show my screen time</source>
        <translation>Xem thời gian dùng máy</translation>
    </message>
</context>
<context>
    <name>sundial::ui::ChildWindow</name>
    <message>
        <location filename="../../ui/tray/childwindow.cpp" line="27"/>
        <location filename="../../ui/tray/childwindow.cpp" line="49"/>
        <source>Ask for more time</source>
        <translation>Xin thêm thời gian</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childwindow.cpp" line="32"/>
        <source>Sundial — your screen time</source>
        <translation>Sundial — thời gian dùng máy của em</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childwindow.cpp" line="54"/>
        <location filename="../../ui/tray/childwindow.cpp" line="79"/>
        <source> min</source>
        <translation> phút</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childwindow.cpp" line="55"/>
        <source>Minutes to ask for</source>
        <translation>Số phút muốn xin</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childwindow.cpp" line="56"/>
        <source>Why? (optional)</source>
        <translation>Vì sao? (không bắt buộc)</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childwindow.cpp" line="58"/>
        <source>Reason for asking</source>
        <translation>Lý do xin thêm</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childwindow.cpp" line="62"/>
        <source>How long:</source>
        <translation>Bao lâu:</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childwindow.cpp" line="63"/>
        <source>Why:</source>
        <translation>Vì sao:</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childwindow.cpp" line="72"/>
        <source>A parent is here</source>
        <translation>Có bố mẹ ở đây</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childwindow.cpp" line="80"/>
        <source>Minutes a parent gives</source>
        <translation>Số phút bố mẹ cho</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childwindow.cpp" line="81"/>
        <source>Give time with a parent&apos;s password</source>
        <translation>Cho thêm giờ bằng mật khẩu của bố mẹ</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childwindow.cpp" line="88"/>
        <source>What Sundial records</source>
        <translation>Sundial ghi lại những gì</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childwindow.cpp" line="95"/>
        <source>Your parents can see these on this computer. Nothing leaves it.</source>
        <translation>Bố mẹ em có thể xem những điều này trên máy tính này. Không có gì được gửi ra ngoài.</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childwindow.cpp" line="105"/>
        <source>Sundial does not limit this account.</source>
        <translation>Sundial không giới hạn tài khoản này.</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childwindow.cpp" line="108"/>
        <source>Time is up for now</source>
        <translation>Đã hết giờ</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childwindow.cpp" line="110"/>
        <source>%1 left today</source>
        <translation>Hôm nay còn %1</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childwindow.cpp" line="112"/>
        <source>No limit today</source>
        <translation>Hôm nay không giới hạn</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childwindow.cpp" line="117"/>
        <source>Allowed until %1</source>
        <translation>Được dùng đến %1</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childwindow.cpp" line="122"/>
        <source>%1: %2 of %3 left</source>
        <translation>%1: còn %2 trong %3</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childwindow.cpp" line="133"/>
        <source>Asked. Waiting for a parent to answer…</source>
        <translation>Đã xin. Đang chờ bố mẹ trả lời…</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childwindow.cpp" line="135"/>
        <source>Approved: %1 more today.</source>
        <translation>Đã đồng ý: hôm nay thêm %1.</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childwindow.cpp" line="137"/>
        <source>A parent said no this time.</source>
        <translation>Lần này bố mẹ chưa đồng ý.</translation>
    </message>
</context>
<context>
    <name>sundial::ui::HelpLineBox</name>
    <message>
        <location filename="../../ui/tray/helplinebox.cpp" line="13"/>
        <source>Need to talk to someone?</source>
        <translation>Cần nói chuyện với ai đó?</translation>
    </message>
    <message>
        <location filename="../../ui/tray/helplinebox.cpp" line="19"/>
        <source>Help line</source>
        <translation>Đường dây trợ giúp</translation>
    </message>
    <message>
        <location filename="../../ui/tray/helplinebox.cpp" line="34"/>
        <source>Ask a parent to set up a help line.</source>
        <translation>Hãy nhờ bố mẹ cài đặt đường dây trợ giúp.</translation>
    </message>
    <message>
        <location filename="../../ui/tray/helplinebox.cpp" line="36"/>
        <source>Call %1 — free and confidential</source>
        <translation>Gọi %1 — miễn phí và bảo mật</translation>
    </message>
</context>
<context>
    <name>sundial::ui::TimeUpScreen</name>
    <message>
        <location filename="../../ui/tray/timeupscreen.cpp" line="20"/>
        <location filename="../../ui/tray/timeupscreen.cpp" line="24"/>
        <source>Time is up</source>
        <translation>Hết giờ rồi</translation>
    </message>
    <message>
        <location filename="../../ui/tray/timeupscreen.cpp" line="36"/>
        <source>Ask for more time</source>
        <translation>Xin thêm thời gian</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/tray/timeupscreen.cpp" line="67"/>
        <source>Save your work: the screen locks in %n seconds.</source>
        <translation>
            <numerusform>Hãy lưu bài: màn hình sẽ khóa sau %n giây.</numerusform>
        </translation>
    </message>
</context>
</TS>
