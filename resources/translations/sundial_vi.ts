<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>Duration</name>
    <message numerus="yes">
        <location filename="../../ui/tray/childstatus.cpp" line="210"/>
        <source>%n s</source>
        <translation>
            <numerusform>%n giây</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/tray/childstatus.cpp" line="215"/>
        <source>%n min</source>
        <translation>
            <numerusform>%n phút</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/tray/childstatus.cpp" line="218"/>
        <source>%n h</source>
        <translation>
            <numerusform>%n giờ</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/tray/childstatus.cpp" line="220"/>
        <source>%1 h %2 min</source>
        <translation>%1 giờ %2 phút</translation>
    </message>
</context>
<context>
    <name>Notifications</name>
    <message>
        <location filename="../../ui/tray/desktopnotifier.cpp" line="26"/>
        <source>%1 of screen time left</source>
        <translation>Em còn %1 dùng máy</translation>
    </message>
</context>
<context>
    <name>Reason</name>
    <message>
        <location filename="../../ui/tray/childstatus.cpp" line="95"/>
        <source>%1 at %2</source>
        <translation>%2 %1</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childstatus.cpp" line="105"/>
        <source>No limit today</source>
        <translation>Hôm nay không giới hạn</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childstatus.cpp" line="108"/>
        <source>Free time until %1</source>
        <translation>Được dùng tự do đến %1</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childstatus.cpp" line="111"/>
        <source>Free time ends at %1</source>
        <translation>Thời gian tự do kết thúc lúc %1</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childstatus.cpp" line="114"/>
        <source>Allowed hours end at %1</source>
        <translation>Giờ được phép kết thúc lúc %1</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childstatus.cpp" line="117"/>
        <source>Outside allowed hours; next allowed at %1</source>
        <translation>Bây giờ ngoài giờ được dùng máy; được dùng lại lúc %1</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childstatus.cpp" line="119"/>
        <source>Outside allowed hours</source>
        <translation>Bây giờ ngoài giờ được dùng máy</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childstatus.cpp" line="123"/>
        <source>%1 of %2&apos;s %3 and %4 extra left</source>
        <translation>%2 được %3, thêm %4; còn %1</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childstatus.cpp" line="125"/>
        <source>%1 of %2&apos;s %3 left</source>
        <translation>%2 được %3, còn %1</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childstatus.cpp" line="130"/>
        <source>No screen time on %1</source>
        <translation>%1 không có giờ dùng máy</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childstatus.cpp" line="133"/>
        <source>%1&apos;s %2 and %3 extra are used up</source>
        <translation>Em đã dùng hết %2 (thêm %3) của %1</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childstatus.cpp" line="135"/>
        <source>%1&apos;s %2 are used up</source>
        <translation>Em đã dùng hết %2 của %1</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childstatus.cpp" line="138"/>
        <source>%1 of this week&apos;s %2 left</source>
        <translation>Tuần này được %2, còn %1</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childstatus.cpp" line="142"/>
        <source>This week&apos;s %1 are used up</source>
        <translation>Em đã dùng hết %1 của tuần này</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childstatus.cpp" line="152"/>
        <source>Sundial records which apps you use and when, the full address of the pages you visit (including what you search for), and the titles of your windows (such as the name of a page or a file).</source>
        <translation>Sundial ghi lại ứng dụng em dùng và thời điểm dùng, địa chỉ đầy đủ của trang em xem (kể cả từ em tìm kiếm), và tên cửa sổ em mở (như tên trang hoặc tên tệp).</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childstatus.cpp" line="156"/>
        <source>Sundial records which apps you use and when, and the full address of the pages you visit (including what you search for).</source>
        <translation>Sundial ghi lại ứng dụng em dùng và thời điểm dùng, và địa chỉ đầy đủ của trang em xem (kể cả từ em tìm kiếm).</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childstatus.cpp" line="160"/>
        <source>Sundial records which apps you use and when, which web sites you visit (only the site&apos;s name), and the titles of your windows (such as the name of a page or a file).</source>
        <translation>Sundial ghi lại ứng dụng em dùng và thời điểm dùng, trang web em vào (chỉ tên trang), và tên cửa sổ em mở (như tên trang hoặc tên tệp).</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childstatus.cpp" line="164"/>
        <source>Sundial records which apps you use and when, and which web sites you visit (only the site&apos;s name).</source>
        <translation>Sundial ghi lại ứng dụng em dùng và thời điểm dùng, và trang web em vào (chỉ tên trang).</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childstatus.cpp" line="172"/>
        <source>Sundial never records what you type and never takes screenshots.</source>
        <translation>Sundial không ghi lại phím em gõ và không chụp màn hình.</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childstatus.cpp" line="168"/>
        <source>Details are kept %1 days, daily totals %2 days.</source>
        <translation>Chi tiết được lưu %1 ngày, tổng thời gian mỗi ngày được lưu %2 ngày.</translation>
    </message>
</context>
<context>
    <name>RequestState</name>
    <message>
        <location filename="../../ui/tray/childstatus.cpp" line="194"/>
        <source>Asked. Waiting for a parent to answer…</source>
        <translation>Đã gửi lời xin. Đang chờ bố mẹ trả lời…</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childstatus.cpp" line="197"/>
        <source>Approved: %1 more today.</source>
        <translation>Bố mẹ đã đồng ý: hôm nay em được thêm %1.</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childstatus.cpp" line="201"/>
        <source>A parent said no this time.</source>
        <translation>Lần này bố mẹ chưa đồng ý.</translation>
    </message>
</context>
<context>
    <name>TimeUpAction</name>
    <message>
        <location filename="../../ui/tray/childstatus.cpp" line="178"/>
        <source>When it is up, only the apps your parents always allow stay open.</source>
        <translation>Khi hết giờ, chỉ những ứng dụng bố mẹ luôn cho phép là vẫn mở.</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childstatus.cpp" line="182"/>
        <source>When it is up, you are logged out: save your work, or it is lost.</source>
        <translation>Khi hết giờ, em sẽ bị đăng xuất: hãy lưu bài, nếu không sẽ mất.</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childstatus.cpp" line="186"/>
        <source>When it is up, the computer goes to sleep.</source>
        <translation>Khi hết giờ, máy tính sẽ chuyển sang chế độ ngủ.</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childstatus.cpp" line="188"/>
        <source>When it is up, the screen locks.</source>
        <translation>Khi hết giờ, màn hình sẽ khóa.</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../ui/tray/main.cpp" line="77"/>
        <source>Show my screen time</source>
        <translation>Xem thời gian dùng máy</translation>
    </message>
</context>
<context>
    <name>sundial::ui::ActivityPage</name>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="88"/>
        <source>Child</source>
        <translation>Con</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="89"/>
        <source>Period</source>
        <translation>Khoảng thời gian</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="90"/>
        <source>Today</source>
        <translation>Hôm nay</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="103"/>
        <location filename="../../ui/console/activitypage.cpp" line="113"/>
        <source>Screen time per day</source>
        <translation>Thời gian dùng máy mỗi ngày</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="105"/>
        <source>Time per day by category</source>
        <translation>Thời gian mỗi ngày theo danh mục</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="110"/>
        <source>Left and Right pick a bar, Enter shows its days.</source>
        <translation>Phím mũi tên trái/phải để chọn cột, Enter để xem từng ngày của cột đó.</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="114"/>
        <source>By category</source>
        <translation>Theo danh mục</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="122"/>
        <source>App</source>
        <translation>Ứng dụng</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="122"/>
        <location filename="../../ui/console/activitypage.cpp" line="123"/>
        <source>Time</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="123"/>
        <source>Site</source>
        <translation>Trang web</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="126"/>
        <source>Top apps</source>
        <translation>Ứng dụng dùng nhiều</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="127"/>
        <source>Click an app, or press Enter on it, to see its use per day.</source>
        <translation>Nhấp vào một ứng dụng, hoặc nhấn Enter trên ứng dụng đó, để xem mức dùng mỗi ngày.</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="128"/>
        <source>Top sites</source>
        <translation>Trang web dùng nhiều</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="129"/>
        <source>Click a site, or press Enter on it, to see its use per day.</source>
        <translation>Nhấp vào một trang web, hoặc nhấn Enter trên trang web đó, để xem mức dùng mỗi ngày.</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="144"/>
        <source>Child:</source>
        <translation>Con:</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="146"/>
        <source>Period:</source>
        <translation>Khoảng thời gian:</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="150"/>
        <source>Export CSV…</source>
        <translation>Xuất CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="151"/>
        <source>Export PDF report…</source>
        <translation>Xuất báo cáo PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="156"/>
        <location filename="../../ui/console/activitypage.cpp" line="159"/>
        <source>Export CSV</source>
        <translation>Xuất CSV</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="156"/>
        <source>CSV files (*.csv)</source>
        <translation>Tệp CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="159"/>
        <location filename="../../ui/console/activitypage.cpp" line="167"/>
        <source>Could not write %1: %2</source>
        <translation>Không ghi được %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="164"/>
        <location filename="../../ui/console/activitypage.cpp" line="167"/>
        <source>Export PDF report</source>
        <translation>Xuất báo cáo PDF</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="164"/>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="174"/>
        <location filename="../../ui/console/activitypage.cpp" line="264"/>
        <source>Timeline</source>
        <translation>Dòng thời gian</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="186"/>
        <source>Top apps and sites</source>
        <translation>Ứng dụng và trang web dùng nhiều</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="187"/>
        <source>Hour of day</source>
        <translation>Theo giờ trong ngày</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="404"/>
        <source>Minutes per week on %1</source>
        <translation>Số phút xem %1 mỗi tuần</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="404"/>
        <source>Minutes per day on %1</source>
        <translation>Số phút xem %1 mỗi ngày</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="707"/>
        <source>%1 was not visited from %2 to %3. Pick another site, or press &quot;%4&quot;.</source>
        <translation>Con không vào %1 từ %2 đến %3. Hãy chọn trang web khác, hoặc nhấn &quot;%4&quot;.</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="712"/>
        <source>%1 on %2 from %3 to %4</source>
        <extracomment>%1 is a duration such as &quot;20 min&quot;, %2 a site such as &quot;www.wikipedia.org&quot;</extracomment>
        <translation>Đã xem %2 trong %1, từ %3 đến %4</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="747"/>
        <source>No screen time recorded in this period yet. If the child has used the computer, have them log out and in again.</source>
        <translation>Chưa ghi nhận thời gian dùng máy trong khoảng này. Nếu con đã dùng máy, hãy cho con đăng xuất rồi đăng nhập lại.</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="810"/>
        <source>the folder may not exist, or is not writable</source>
        <translation>thư mục có thể không tồn tại hoặc không ghi được</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="251"/>
        <source>Back to today</source>
        <translation>Quay lại hôm nay</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="285"/>
        <source>No child accounts are limited yet.</source>
        <translation>Chưa có tài khoản con nào được giới hạn.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/console/activitypage.cpp" line="384"/>
        <source>%1 on %2: %n intervals</source>
        <translation>
            <numerusform>%1 ngày %2: %n lượt dùng</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/console/activitypage.cpp" line="385"/>
        <source>%1: %n intervals</source>
        <translation>
            <numerusform>%1: %n lượt dùng</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="402"/>
        <source>Screen time per week (minutes)</source>
        <translation>Thời gian dùng máy mỗi tuần (phút)</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="406"/>
        <source>Minutes per week in %1</source>
        <translation>Số phút dùng %1 mỗi tuần</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="412"/>
        <source>Screen time</source>
        <translation>Thời gian dùng máy</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="432"/>
        <source>Week of %1</source>
        <translation>Tuần từ %1</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="503"/>
        <source>Budget</source>
        <translation>Hạn mức</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="743"/>
        <source>No screen time recorded on %1. Pick another day, or press &quot;%2&quot;.</source>
        <translation>Không ghi nhận thời gian dùng máy nào vào %1. Hãy chọn ngày khác, hoặc nhấn &quot;%2&quot;.</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="744"/>
        <source>%1 of screen time on %2</source>
        <translation>Đã dùng máy %1 vào %2</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="367"/>
        <source>unknown app (no report from the child&apos;s session)</source>
        <translation>ứng dụng không rõ (phiên của con không báo)</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="92"/>
        <source>Last 7 days</source>
        <translation>7 ngày qua</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="93"/>
        <source>Last 30 days</source>
        <translation>30 ngày qua</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="94"/>
        <source>Last 12 months</source>
        <translation>12 tháng qua</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="188"/>
        <location filename="../../ui/console/activitypage.cpp" line="264"/>
        <source>Timeline of the latest day</source>
        <translation>Dòng thời gian ngày gần nhất</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="254"/>
        <source>Back to the last 7 days</source>
        <translation>Quay lại 7 ngày qua</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="257"/>
        <source>Back to the last 30 days</source>
        <translation>Quay lại 30 ngày qua</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="260"/>
        <source>Back to the last 12 months</source>
        <translation>Quay lại 12 tháng qua</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="379"/>
        <source>  (idle)</source>
        <translation>  (không hoạt động)</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="387"/>
        <source>Nothing was recorded on this day. Pick a day with screen time in the chart above (click its bar, or use the arrow keys and Enter).</source>
        <translation>Không có gì được ghi nhận trong ngày này. Hãy chọn một ngày có thời gian dùng máy trên biểu đồ phía trên (nhấp vào cột của ngày đó, hoặc dùng phím mũi tên và Enter).</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="573"/>
        <source>No time by category in this period yet</source>
        <translation>Chưa có thời gian theo danh mục trong khoảng này</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="574"/>
        <source>Time per month by category (minutes)</source>
        <translation>Thời gian mỗi tháng theo danh mục (phút)</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="575"/>
        <source>Time per day by category (minutes)</source>
        <translation>Thời gian mỗi ngày theo danh mục (phút)</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="629"/>
        <source>%1: %2. Enter shows it; Left and Right pick another bar.</source>
        <translation>%1: %2. Enter để xem chi tiết; phím mũi tên trái/phải để chọn cột khác.</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="406"/>
        <source>Minutes per day in %1</source>
        <translation>Số phút dùng %1 mỗi ngày</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="708"/>
        <source>%1 was not used from %2 to %3. Pick another app, or press &quot;%4&quot;.</source>
        <translation>%1 không được dùng từ %2 đến %3. Hãy chọn ứng dụng khác, hoặc nhấn &quot;%4&quot;.</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="712"/>
        <source>%1 in %2 from %3 to %4</source>
        <translation>Đã dùng %2 trong %1, từ %3 đến %4</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="402"/>
        <source>Screen time per day (minutes)</source>
        <translation>Thời gian dùng máy mỗi ngày (phút)</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="749"/>
        <source>%1 of screen time from %2 to %3</source>
        <translation>Đã dùng máy %1 từ %2 đến %3</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="805"/>
        <source>Sundial report</source>
        <translation>Báo cáo Sundial</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="820"/>
        <source>Screen time of %1</source>
        <translation>Thời gian dùng máy của %1</translation>
    </message>
    <message>
        <location filename="../../ui/console/activitypage.cpp" line="832"/>
        <source>Apps</source>
        <translation>Ứng dụng</translation>
    </message>
</context>
<context>
    <name>sundial::ui::AdminClient</name>
    <message>
        <location filename="../../ui/console/adminclient.cpp" line="24"/>
        <source>The Sundial service is not running. Start it with &quot;sudo systemctl start sundiald&quot; (or &quot;sundiald --user&quot; to try Sundial out).</source>
        <translation>Dịch vụ Sundial chưa chạy. Hãy khởi động bằng &quot;sudo systemctl start sundiald&quot; (hoặc &quot;sundiald --user&quot; để dùng thử Sundial).</translation>
    </message>
    <message>
        <location filename="../../ui/console/adminclient.cpp" line="28"/>
        <source>You are not allowed to manage Sundial: ask an administrator to add you to the sundial-admin group.</source>
        <translation>Bạn không có quyền quản lý Sundial: hãy nhờ quản trị viên thêm bạn vào nhóm sundial-admin.</translation>
    </message>
</context>
<context>
    <name>sundial::ui::AppRuleTable</name>
    <message>
        <location filename="../../ui/console/appruletable.cpp" line="23"/>
        <source>Match by</source>
        <translation>Khớp theo</translation>
    </message>
    <message>
        <location filename="../../ui/console/appruletable.cpp" line="23"/>
        <source>Program, app id or category</source>
        <translation>Chương trình, mã ứng dụng hoặc danh mục</translation>
    </message>
    <message>
        <location filename="../../ui/console/appruletable.cpp" line="23"/>
        <source>Action</source>
        <translation>Chế độ</translation>
    </message>
    <message>
        <location filename="../../ui/console/appruletable.cpp" line="23"/>
        <source>Daily minutes</source>
        <translation>Số phút mỗi ngày</translation>
    </message>
    <message>
        <location filename="../../ui/console/appruletable.cpp" line="23"/>
        <source>Label</source>
        <translation>Nhãn</translation>
    </message>
    <message>
        <location filename="../../ui/console/appruletable.cpp" line="24"/>
        <source>Add app rule</source>
        <translation>Thêm quy tắc ứng dụng</translation>
    </message>
    <message>
        <location filename="../../ui/console/appruletable.cpp" line="40"/>
        <source>Program path</source>
        <translation>Đường dẫn chương trình</translation>
    </message>
    <message>
        <location filename="../../ui/console/appruletable.cpp" line="41"/>
        <source>App id</source>
        <translation>Mã ứng dụng</translation>
    </message>
    <message>
        <location filename="../../ui/console/appruletable.cpp" line="42"/>
        <source>Category</source>
        <translation>Danh mục</translation>
    </message>
    <message>
        <location filename="../../ui/console/appruletable.cpp" line="51"/>
        <source>Game</source>
        <translation>Game</translation>
    </message>
    <message>
        <location filename="../../ui/console/appruletable.cpp" line="52"/>
        <source>/usr/games/*</source>
        <translation>/usr/games/*</translation>
    </message>
    <message>
        <location filename="../../ui/console/appruletable.cpp" line="53"/>
        <source>org.kde.gcompris</source>
        <translation>org.kde.gcompris</translation>
    </message>
    <message>
        <location filename="../../ui/console/appruletable.cpp" line="61"/>
        <source>optional</source>
        <translation>không bắt buộc</translation>
    </message>
</context>
<context>
    <name>sundial::ui::AuditPage</name>
    <message>
        <location filename="../../ui/console/auditpage.cpp" line="25"/>
        <source>App closed</source>
        <translation>Đã đóng ứng dụng</translation>
    </message>
    <message>
        <location filename="../../ui/console/auditpage.cpp" line="26"/>
        <source>App name not believed</source>
        <translation>Tên ứng dụng không đáng tin</translation>
    </message>
    <message>
        <location filename="../../ui/console/auditpage.cpp" line="27"/>
        <source>App not closed</source>
        <translation>Không đóng ứng dụng</translation>
    </message>
    <message>
        <location filename="../../ui/console/auditpage.cpp" line="28"/>
        <source>Browser policies changed</source>
        <translation>Chính sách trình duyệt đã thay đổi</translation>
    </message>
    <message>
        <location filename="../../ui/console/auditpage.cpp" line="29"/>
        <source>Browser policies not written</source>
        <translation>Chưa ghi được chính sách trình duyệt</translation>
    </message>
    <message>
        <location filename="../../ui/console/auditpage.cpp" line="30"/>
        <source>Child added</source>
        <translation>Đã thêm con</translation>
    </message>
    <message>
        <location filename="../../ui/console/auditpage.cpp" line="31"/>
        <source>Child removed</source>
        <translation>Đã bỏ giới hạn cho con</translation>
    </message>
    <message>
        <location filename="../../ui/console/auditpage.cpp" line="32"/>
        <source>Clock change accepted</source>
        <translation>Đã chấp nhận giờ mới của máy</translation>
    </message>
    <message>
        <location filename="../../ui/console/auditpage.cpp" line="33"/>
        <source>Clock record unreadable</source>
        <translation>Không đọc được bản ghi giờ</translation>
    </message>
    <message>
        <location filename="../../ui/console/auditpage.cpp" line="35"/>
        <source>Clock moved forward while stopped</source>
        <translation>Giờ máy bị chỉnh tới khi dịch vụ dừng</translation>
    </message>
    <message>
        <location filename="../../ui/console/auditpage.cpp" line="36"/>
        <source>Clock changed</source>
        <translation>Giờ máy bị chỉnh</translation>
    </message>
    <message>
        <location filename="../../ui/console/auditpage.cpp" line="37"/>
        <source>Clock restored</source>
        <translation>Đã khôi phục giờ</translation>
    </message>
    <message>
        <location filename="../../ui/console/auditpage.cpp" line="39"/>
        <source>Clock set back across a restart</source>
        <translation>Giờ máy bị chỉnh lùi qua lần khởi động lại</translation>
    </message>
    <message>
        <location filename="../../ui/console/auditpage.cpp" line="40"/>
        <source>Database failing</source>
        <translation>Cơ sở dữ liệu gặp lỗi</translation>
    </message>
    <message>
        <location filename="../../ui/console/auditpage.cpp" line="41"/>
        <source>Database recovered</source>
        <translation>Đã khôi phục cơ sở dữ liệu</translation>
    </message>
    <message>
        <location filename="../../ui/console/auditpage.cpp" line="42"/>
        <source>Database replaced</source>
        <translation>Đã thay cơ sở dữ liệu</translation>
    </message>
    <message>
        <location filename="../../ui/console/auditpage.cpp" line="43"/>
        <source>Database unusable</source>
        <translation>Không dùng được cơ sở dữ liệu</translation>
    </message>
    <message>
        <location filename="../../ui/console/auditpage.cpp" line="44"/>
        <source>Database writable again</source>
        <translation>Cơ sở dữ liệu ghi được trở lại</translation>
    </message>
    <message>
        <location filename="../../ui/console/auditpage.cpp" line="45"/>
        <source>Downtime began</source>
        <translation>Bắt đầu giờ nghỉ</translation>
    </message>
    <message>
        <location filename="../../ui/console/auditpage.cpp" line="46"/>
        <source>Extra time given</source>
        <translation>Đã cho thêm thời gian</translation>
    </message>
    <message>
        <location filename="../../ui/console/auditpage.cpp" line="47"/>
        <source>Help line page opened</source>
        <translation>Đã mở trang đường dây trợ giúp</translation>
    </message>
    <message>
        <location filename="../../ui/console/auditpage.cpp" line="48"/>
        <source>Helper back</source>
        <translation>Trình hỗ trợ chạy lại</translation>
    </message>
    <message>
        <location filename="../../ui/console/auditpage.cpp" line="49"/>
        <source>Helper missing</source>
        <translation>Thiếu trình hỗ trợ</translation>
    </message>
    <message>
        <location filename="../../ui/console/auditpage.cpp" line="50"/>
        <source>Screen locked</source>
        <translation>Đã khóa màn hình</translation>
    </message>
    <message>
        <location filename="../../ui/console/auditpage.cpp" line="51"/>
        <source>Login not checked</source>
        <translation>Lần đăng nhập không được kiểm tra</translation>
    </message>
    <message>
        <location filename="../../ui/console/auditpage.cpp" line="52"/>
        <source>Too many new names</source>
        <translation>Quá nhiều tên mới</translation>
    </message>
    <message>
        <location filename="../../ui/console/auditpage.cpp" line="53"/>
        <source>Report not confirmed</source>
        <translation>Báo cáo không được xác nhận</translation>
    </message>
    <message>
        <location filename="../../ui/console/auditpage.cpp" line="54"/>
        <source>Report not trusted</source>
        <translation>Báo cáo không đáng tin</translation>
    </message>
    <message>
        <location filename="../../ui/console/auditpage.cpp" line="55"/>
        <source>More time asked</source>
        <translation>Con xin thêm giờ</translation>
    </message>
    <message>
        <location filename="../../ui/console/auditpage.cpp" line="56"/>
        <source>Request approved</source>
        <translation>Đã đồng ý</translation>
    </message>
    <message>
        <location filename="../../ui/console/auditpage.cpp" line="57"/>
        <source>Request denied</source>
        <translation>Đã từ chối</translation>
    </message>
    <message>
        <location filename="../../ui/console/auditpage.cpp" line="58"/>
        <source>Rules changed</source>
        <translation>Đã đổi quy tắc</translation>
    </message>
    <message>
        <location filename="../../ui/console/auditpage.cpp" line="59"/>
        <source>Service started</source>
        <translation>Dịch vụ khởi động</translation>
    </message>
    <message>
        <location filename="../../ui/console/auditpage.cpp" line="60"/>
        <source>Session ended</source>
        <translation>Đã kết thúc phiên</translation>
    </message>
    <message>
        <location filename="../../ui/console/auditpage.cpp" line="61"/>
        <source>Site report not trusted</source>
        <translation>Báo cáo trang web không đáng tin</translation>
    </message>
    <message>
        <location filename="../../ui/console/auditpage.cpp" line="62"/>
        <source>Browser used without site tracking</source>
        <translation>Dùng trình duyệt mà không ghi lại trang web</translation>
    </message>
    <message>
        <location filename="../../ui/console/auditpage.cpp" line="63"/>
        <source>Backup unreadable</source>
        <translation>Không đọc được bản sao lưu</translation>
    </message>
    <message>
        <location filename="../../ui/console/auditpage.cpp" line="64"/>
        <source>Rules restored from backup</source>
        <translation>Đã khôi phục quy tắc từ bản sao lưu</translation>
    </message>
    <message>
        <location filename="../../ui/console/auditpage.cpp" line="65"/>
        <source>Computer was asleep</source>
        <translation>Máy đã ngủ</translation>
    </message>
    <message>
        <location filename="../../ui/console/auditpage.cpp" line="66"/>
        <source>Computer put to sleep</source>
        <translation>Đã cho máy ngủ</translation>
    </message>
    <message>
        <location filename="../../ui/console/auditpage.cpp" line="67"/>
        <source>Time zone changed</source>
        <translation>Đã đổi múi giờ</translation>
    </message>
    <message>
        <location filename="../../ui/console/auditpage.cpp" line="68"/>
        <source>Unlocked while out of time</source>
        <translation>Mở khóa khi đã hết giờ</translation>
    </message>
    <message>
        <location filename="../../ui/console/auditpage.cpp" line="77"/>
        <source>Accept the changed clock</source>
        <translation>Chấp nhận giờ mới của máy</translation>
    </message>
    <message>
        <location filename="../../ui/console/auditpage.cpp" line="83"/>
        <source>Audit log</source>
        <translation>Nhật ký</translation>
    </message>
    <message>
        <location filename="../../ui/console/auditpage.cpp" line="85"/>
        <source>When</source>
        <translation>Khi nào</translation>
    </message>
    <message>
        <location filename="../../ui/console/auditpage.cpp" line="85"/>
        <source>What</source>
        <translation>Việc gì</translation>
    </message>
    <message>
        <location filename="../../ui/console/auditpage.cpp" line="85"/>
        <source>Details</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <location filename="../../ui/console/auditpage.cpp" line="85"/>
        <source>Child</source>
        <translation>Con</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/console/auditpage.cpp" line="101"/>
        <source>The log is intact: %n entries, none changed or removed.</source>
        <translation>
            <numerusform>Nhật ký còn nguyên vẹn: %n mục, không mục nào bị sửa hay xóa.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/console/auditpage.cpp" line="102"/>
        <source>The log was changed: entry %1 and after cannot be trusted.</source>
        <translation>Nhật ký đã bị thay đổi: không thể tin mục %1 và các mục sau.</translation>
    </message>
    <message>
        <location filename="../../ui/console/auditpage.cpp" line="107"/>
        <source>The clock was changed by %1 s: accept it</source>
        <translation>Giờ của máy bị chỉnh lệch %1 giây — chấp nhận giờ mới</translation>
    </message>
</context>
<context>
    <name>sundial::ui::CategoryNames</name>
    <message>
        <location filename="../../ui/shared/categorynames.cpp" line="18"/>
        <source>Audio and video</source>
        <translation>Âm thanh và video</translation>
    </message>
    <message>
        <location filename="../../ui/shared/categorynames.cpp" line="19"/>
        <source>Audio</source>
        <translation>Âm thanh</translation>
    </message>
    <message>
        <location filename="../../ui/shared/categorynames.cpp" line="20"/>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <location filename="../../ui/shared/categorynames.cpp" line="21"/>
        <source>Programming</source>
        <translation>Lập trình</translation>
    </message>
    <message>
        <location filename="../../ui/shared/categorynames.cpp" line="22"/>
        <source>Education</source>
        <translation>Giáo dục</translation>
    </message>
    <message>
        <location filename="../../ui/shared/categorynames.cpp" line="23"/>
        <source>Games</source>
        <translation>Trò chơi</translation>
    </message>
    <message>
        <location filename="../../ui/shared/categorynames.cpp" line="24"/>
        <source>Graphics</source>
        <translation>Đồ họa</translation>
    </message>
    <message>
        <location filename="../../ui/shared/categorynames.cpp" line="25"/>
        <source>Internet</source>
        <translation>Internet</translation>
    </message>
    <message>
        <location filename="../../ui/shared/categorynames.cpp" line="26"/>
        <source>Office</source>
        <translation>Văn phòng</translation>
    </message>
    <message>
        <location filename="../../ui/shared/categorynames.cpp" line="27"/>
        <source>Science</source>
        <translation>Khoa học</translation>
    </message>
    <message>
        <location filename="../../ui/shared/categorynames.cpp" line="28"/>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <location filename="../../ui/shared/categorynames.cpp" line="29"/>
        <source>System</source>
        <translation>Hệ thống</translation>
    </message>
    <message>
        <location filename="../../ui/shared/categorynames.cpp" line="30"/>
        <source>Accessories</source>
        <translation>Tiện ích</translation>
    </message>
    <message>
        <location filename="../../ui/shared/categorynames.cpp" line="47"/>
        <source>Other</source>
        <translation>Khác</translation>
    </message>
</context>
<context>
    <name>sundial::ui::ChildWindow</name>
    <message>
        <location filename="../../ui/tray/childwindow.cpp" line="29"/>
        <location filename="../../ui/tray/childwindow.cpp" line="52"/>
        <source>Ask for more time</source>
        <translation>Xin thêm thời gian</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childwindow.cpp" line="35"/>
        <source>Sundial — your screen time</source>
        <translation>Sundial — thời gian dùng máy của em</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childwindow.cpp" line="57"/>
        <location filename="../../ui/tray/childwindow.cpp" line="82"/>
        <source> min</source>
        <translation> phút</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childwindow.cpp" line="58"/>
        <source>Minutes to ask for</source>
        <translation>Số phút muốn xin</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childwindow.cpp" line="59"/>
        <source>Why? (optional)</source>
        <translation>Vì sao? (không bắt buộc)</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childwindow.cpp" line="61"/>
        <source>Reason for asking</source>
        <translation>Lý do xin thêm</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childwindow.cpp" line="65"/>
        <source>How long:</source>
        <translation>Bao lâu:</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childwindow.cpp" line="66"/>
        <source>Why:</source>
        <translation>Vì sao:</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childwindow.cpp" line="75"/>
        <source>A parent is here</source>
        <translation>Khi có bố mẹ ở bên</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childwindow.cpp" line="83"/>
        <source>Minutes a parent gives</source>
        <translation>Số phút bố mẹ cho</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childwindow.cpp" line="84"/>
        <source>Give time with a parent&apos;s password</source>
        <translation>Cho thêm thời gian (bố mẹ nhập mật khẩu)</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childwindow.cpp" line="91"/>
        <source>What Sundial records</source>
        <translation>Những gì Sundial ghi lại</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childwindow.cpp" line="97"/>
        <source>Your parents can see this, and the reasons you write when you ask for more time. Sundial sends nothing over the internet, but your parents can save reports.</source>
        <translation>Bố mẹ xem được những thông tin này và lý do em ghi khi xin thêm giờ. Sundial không gửi gì lên mạng, nhưng bố mẹ có thể lưu báo cáo.</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childwindow.cpp" line="114"/>
        <source>Sundial does not limit this account.</source>
        <translation>Sundial không giới hạn tài khoản này.</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childwindow.cpp" line="117"/>
        <source>Time is up for now</source>
        <translation>Tạm thời hết giờ rồi</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childwindow.cpp" line="119"/>
        <source>%1 left today</source>
        <translation>Hôm nay còn %1</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childwindow.cpp" line="121"/>
        <source>No limit today</source>
        <translation>Hôm nay không giới hạn</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childwindow.cpp" line="126"/>
        <source>Allowed until %1</source>
        <translation>Được dùng đến %1</translation>
    </message>
    <message>
        <location filename="../../ui/tray/childwindow.cpp" line="133"/>
        <source>%1: %2 of %3 left</source>
        <translation>%1: còn %2 trong %3</translation>
    </message>
</context>
<context>
    <name>sundial::ui::ConsoleWindow</name>
    <message>
        <location filename="../../ui/console/consolewindow.cpp" line="37"/>
        <source>Sundial — family screen time</source>
        <translation>Sundial — thời gian dùng máy của gia đình</translation>
    </message>
    <message>
        <location filename="../../ui/console/consolewindow.cpp" line="44"/>
        <source>Family</source>
        <translation>Gia đình</translation>
    </message>
    <message>
        <location filename="../../ui/console/consolewindow.cpp" line="44"/>
        <source>Activity</source>
        <translation>Hoạt động</translation>
    </message>
    <message>
        <location filename="../../ui/console/consolewindow.cpp" line="44"/>
        <source>Rules</source>
        <translation>Quy tắc</translation>
    </message>
    <message>
        <location filename="../../ui/console/consolewindow.cpp" line="44"/>
        <source>Requests</source>
        <translation>Yêu cầu</translation>
    </message>
    <message>
        <location filename="../../ui/console/consolewindow.cpp" line="44"/>
        <source>Audit</source>
        <translation>Nhật ký</translation>
    </message>
    <message>
        <location filename="../../ui/console/consolewindow.cpp" line="44"/>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <location filename="../../ui/console/consolewindow.cpp" line="50"/>
        <source>Staying safe online</source>
        <translation>Giữ an toàn khi lên mạng</translation>
    </message>
    <message>
        <location filename="../../ui/console/consolewindow.cpp" line="65"/>
        <source>&amp;Family</source>
        <translation>&amp;Gia đình</translation>
    </message>
    <message>
        <location filename="../../ui/console/consolewindow.cpp" line="66"/>
        <source>&amp;Set up…</source>
        <translation>&amp;Thiết lập…</translation>
    </message>
    <message>
        <location filename="../../ui/console/consolewindow.cpp" line="68"/>
        <source>&amp;Add a child…</source>
        <translation>Thêm &amp;con…</translation>
    </message>
    <message>
        <location filename="../../ui/console/consolewindow.cpp" line="87"/>
        <source>Unsaved rules</source>
        <translation>Quy tắc chưa lưu</translation>
    </message>
    <message>
        <location filename="../../ui/console/consolewindow.cpp" line="88"/>
        <source>The rules have changes that are not saved. Save them now?</source>
        <translation>Quy tắc có thay đổi chưa được lưu. Lưu ngay bây giờ?</translation>
    </message>
    <message>
        <location filename="../../ui/console/consolewindow.cpp" line="91"/>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <location filename="../../ui/console/consolewindow.cpp" line="92"/>
        <source>&amp;Don&apos;t save</source>
        <translation>&amp;Không lưu</translation>
    </message>
    <message>
        <location filename="../../ui/console/consolewindow.cpp" line="93"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>sundial::ui::FamilyPage</name>
    <message>
        <location filename="../../ui/console/familypage.cpp" line="29"/>
        <source>Add a child…</source>
        <translation>Thêm con…</translation>
    </message>
    <message>
        <location filename="../../ui/console/familypage.cpp" line="50"/>
        <source>No child accounts are limited yet. Choose one with &quot;Add a child…&quot;, or set Sundial up from the Family menu.</source>
        <translation>Chưa có tài khoản con nào được giới hạn. Hãy chọn một tài khoản bằng &quot;Thêm con…&quot;, hoặc thiết lập Sundial từ trình đơn Gia đình.</translation>
    </message>
    <message>
        <location filename="../../ui/console/familypage.cpp" line="89"/>
        <location filename="../../ui/console/familypage.cpp" line="100"/>
        <location filename="../../ui/console/familypage.cpp" line="110"/>
        <source>Add a child</source>
        <translation>Thêm con</translation>
    </message>
    <message>
        <location filename="../../ui/console/familypage.cpp" line="90"/>
        <source>Every user account on this computer is limited already, or there are no others. Create an account for the child first (in the system settings, or with &quot;sudo adduser NAME&quot;).</source>
        <translation>Mọi tài khoản người dùng trên máy tính này đều đã được giới hạn, hoặc không có tài khoản nào khác. Hãy tạo trước một tài khoản cho con (trong phần cài đặt hệ thống, hoặc bằng &quot;sudo adduser NAME&quot;).</translation>
    </message>
    <message>
        <location filename="../../ui/console/familypage.cpp" line="100"/>
        <source>Which account belongs to a child?</source>
        <translation>Tài khoản nào là của con?</translation>
    </message>
    <message>
        <location filename="../../ui/console/familypage.cpp" line="110"/>
        <source>%1 could not be limited: %2</source>
        <translation>Không giới hạn được %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/console/familypage.cpp" line="120"/>
        <source>Child %1</source>
        <translation>Con %1</translation>
    </message>
    <message>
        <location filename="../../ui/console/familypage.cpp" line="126"/>
        <source>%1 used, %2 left today</source>
        <translation>Đã dùng %1, hôm nay còn %2</translation>
    </message>
    <message>
        <location filename="../../ui/console/familypage.cpp" line="131"/>
        <source>%p% of today&apos;s time used</source>
        <translation>Đã dùng %p% thời gian hôm nay</translation>
    </message>
    <message>
        <location filename="../../ui/console/familypage.cpp" line="132"/>
        <source>Time used today by %1</source>
        <translation>Thời gian %1 đã dùng hôm nay</translation>
    </message>
    <message>
        <location filename="../../ui/console/familypage.cpp" line="135"/>
        <source>%1 used today, no limit</source>
        <translation>Hôm nay đã dùng %1, không giới hạn</translation>
    </message>
    <message>
        <location filename="../../ui/console/familypage.cpp" line="146"/>
        <source>Asks for %1 min: %2</source>
        <translation>Xin %1 phút: %2</translation>
    </message>
    <message>
        <location filename="../../ui/console/familypage.cpp" line="153"/>
        <source>Deny</source>
        <translation>Từ chối</translation>
    </message>
    <message>
        <location filename="../../ui/console/familypage.cpp" line="153"/>
        <source>+%1 min</source>
        <translation>+%1 phút</translation>
    </message>
</context>
<context>
    <name>sundial::ui::HelpLineBox</name>
    <message>
        <location filename="../../ui/tray/helplinebox.cpp" line="14"/>
        <source>Need to talk to someone?</source>
        <translation>Em cần ai đó lắng nghe?</translation>
    </message>
    <message>
        <location filename="../../ui/tray/helplinebox.cpp" line="22"/>
        <source>Help line</source>
        <translation>Đường dây trợ giúp</translation>
    </message>
    <message>
        <location filename="../../ui/tray/helplinebox.cpp" line="49"/>
        <source>If you need help, talk to a teacher or another adult you trust.</source>
        <translation>Nếu em cần giúp đỡ, hãy nói với thầy cô hoặc một người lớn mà em tin tưởng.</translation>
    </message>
    <message>
        <location filename="../../ui/tray/helplinebox.cpp" line="53"/>
        <source>Call %1</source>
        <translation>Gọi %1</translation>
    </message>
    <message>
        <location filename="../../ui/tray/helplinebox.cpp" line="26"/>
        <source>Sad, scared, bullied or hurt by someone? You can call any time, even when your time is up.</source>
        <translation>Buồn, sợ, bị bắt nạt hay bị ai làm đau? Em có thể gọi bất cứ lúc nào, kể cả khi đã hết giờ.</translation>
    </message>
</context>
<context>
    <name>sundial::ui::HourHeatmap</name>
    <message>
        <location filename="../../ui/console/hourheatmap.cpp" line="28"/>
        <source>Use by weekday and hour</source>
        <translation>Mức dùng theo thứ và giờ</translation>
    </message>
    <message>
        <location filename="../../ui/console/hourheatmap.cpp" line="58"/>
        <source>No use recorded</source>
        <translation>Chưa ghi nhận lần dùng nào</translation>
    </message>
    <message>
        <location filename="../../ui/console/hourheatmap.cpp" line="60"/>
        <source>Most use: %1 %2:00</source>
        <translation>Dùng nhiều nhất: %1 %2:00</translation>
    </message>
</context>
<context>
    <name>sundial::ui::LimitsForm</name>
    <message>
        <location filename="../../ui/console/limitsform.cpp" line="50"/>
        <source>Limit the week to</source>
        <translation>Giới hạn cả tuần trong</translation>
    </message>
    <message>
        <location filename="../../ui/console/limitsform.cpp" line="51"/>
        <source> h</source>
        <translation> giờ</translation>
    </message>
    <message>
        <location filename="../../ui/console/limitsform.cpp" line="52"/>
        <source> min</source>
        <translation> phút</translation>
    </message>
    <message>
        <location filename="../../ui/console/limitsform.cpp" line="54"/>
        <location filename="../../ui/console/limitsform.cpp" line="57"/>
        <location filename="../../ui/console/limitsform.cpp" line="58"/>
        <source> s</source>
        <translation> giây</translation>
    </message>
    <message>
        <location filename="../../ui/console/limitsform.cpp" line="56"/>
        <source>Keep always-allowed apps usable (downtime)</source>
        <translation>Vẫn cho dùng các ứng dụng luôn được phép (giờ nghỉ)</translation>
    </message>
    <message>
        <location filename="../../ui/console/limitsform.cpp" line="69"/>
        <source>Limit the week</source>
        <translation>Giới hạn cả tuần</translation>
    </message>
    <message>
        <location filename="../../ui/console/limitsform.cpp" line="70"/>
        <source>Weekly budget, hours</source>
        <translation>Hạn mức mỗi tuần, số giờ</translation>
    </message>
    <message>
        <location filename="../../ui/console/limitsform.cpp" line="71"/>
        <source>Weekly budget, minutes</source>
        <translation>Hạn mức mỗi tuần, số phút</translation>
    </message>
    <message>
        <location filename="../../ui/console/limitsform.cpp" line="78"/>
        <source>Weekly budget:</source>
        <translation>Hạn mức mỗi tuần:</translation>
    </message>
    <message>
        <location filename="../../ui/console/limitsform.cpp" line="80"/>
        <source>Warnings, minutes before time is up</source>
        <translation>Cảnh báo, số phút trước khi hết giờ</translation>
    </message>
    <message>
        <location filename="../../ui/console/limitsform.cpp" line="81"/>
        <source>15, 5, 1</source>
        <translation>15, 5, 1</translation>
    </message>
    <message>
        <location filename="../../ui/console/limitsform.cpp" line="82"/>
        <source>Up to 10 times, 1 to 120 minutes each, separated by commas</source>
        <translation>Tối đa 10 mốc, mỗi mốc từ 1 đến 120 phút, cách nhau bằng dấu phẩy</translation>
    </message>
    <message>
        <location filename="../../ui/console/limitsform.cpp" line="85"/>
        <source>Warn (minutes before the end):</source>
        <translation>Cảnh báo (số phút trước khi hết giờ):</translation>
    </message>
    <message>
        <location filename="../../ui/console/limitsform.cpp" line="87"/>
        <source>Idle after, seconds</source>
        <translation>Ngừng tính giờ khi không thao tác sau, số giây</translation>
    </message>
    <message>
        <location filename="../../ui/console/limitsform.cpp" line="88"/>
        <source>With no keyboard or mouse input this long, time stops counting</source>
        <translation>Nếu không có thao tác bàn phím hay chuột trong khoảng thời gian này, thời gian sẽ ngừng tính</translation>
    </message>
    <message>
        <location filename="../../ui/console/limitsform.cpp" line="90"/>
        <source>Idle after:</source>
        <translation>Ngừng tính giờ khi không thao tác sau:</translation>
    </message>
    <message>
        <location filename="../../ui/console/limitsform.cpp" line="92"/>
        <source>Lock the screen</source>
        <translation>Khóa màn hình</translation>
    </message>
    <message>
        <location filename="../../ui/console/limitsform.cpp" line="93"/>
        <source>Log out</source>
        <translation>Đăng xuất</translation>
    </message>
    <message>
        <location filename="../../ui/console/limitsform.cpp" line="94"/>
        <source>Suspend the computer</source>
        <translation>Tạm ngưng máy tính</translation>
    </message>
    <message>
        <location filename="../../ui/console/limitsform.cpp" line="95"/>
        <source>When time is up</source>
        <translation>Khi hết giờ</translation>
    </message>
    <message>
        <location filename="../../ui/console/limitsform.cpp" line="96"/>
        <source>When time is up:</source>
        <translation>Khi hết giờ:</translation>
    </message>
    <message>
        <location filename="../../ui/console/limitsform.cpp" line="98"/>
        <source>Downtime: keep always-allowed apps usable when time is up</source>
        <translation>Giờ nghỉ: khi hết giờ vẫn cho dùng các ứng dụng luôn được phép</translation>
    </message>
    <message>
        <location filename="../../ui/console/limitsform.cpp" line="99"/>
        <source>When time is up, Sundial closes the other apps and leaves the always-allowed ones and the help line usable. With no always-allowed app, or with this off, the action above is taken.</source>
        <translation>Khi hết giờ, Sundial đóng các ứng dụng khác và để lại các ứng dụng luôn được phép cùng đường dây trợ giúp. Nếu không có ứng dụng nào luôn được phép, hoặc khi tắt mục này, Sundial làm theo lựa chọn ở trên.</translation>
    </message>
    <message>
        <location filename="../../ui/console/limitsform.cpp" line="102"/>
        <source>Always-allowed apps:</source>
        <translation>Ứng dụng luôn được phép:</translation>
    </message>
    <message>
        <location filename="../../ui/console/limitsform.cpp" line="104"/>
        <source>Time to save work, seconds</source>
        <translation>Thời gian để lưu lại việc đang làm, số giây</translation>
    </message>
    <message>
        <location filename="../../ui/console/limitsform.cpp" line="105"/>
        <source>The countdown the child gets to save their work when time is up</source>
        <translation>Thời gian đếm ngược để con lưu lại việc đang làm khi hết giờ</translation>
    </message>
    <message>
        <location filename="../../ui/console/limitsform.cpp" line="107"/>
        <source>Time to save work:</source>
        <translation>Thời gian để lưu việc đang làm:</translation>
    </message>
    <message>
        <location filename="../../ui/console/limitsform.cpp" line="109"/>
        <source>Wait for the screen lock, seconds</source>
        <translation>Chờ khóa màn hình, số giây</translation>
    </message>
    <message>
        <location filename="../../ui/console/limitsform.cpp" line="110"/>
        <source>If the screen is not locked within this time, the child is logged out</source>
        <translation>Nếu màn hình không khóa trong thời gian này, con sẽ bị đăng xuất</translation>
    </message>
    <message>
        <location filename="../../ui/console/limitsform.cpp" line="113"/>
        <source>Unlocks before the child is logged out</source>
        <translation>Số lần mở khóa trước khi con bị đăng xuất</translation>
    </message>
    <message>
        <location filename="../../ui/console/limitsform.cpp" line="114"/>
        <source>How often the child may unlock while out of time before being logged out</source>
        <translation>Số lần con được mở khóa khi đã hết giờ, trước khi bị đăng xuất</translation>
    </message>
    <message>
        <location filename="../../ui/console/limitsform.cpp" line="116"/>
        <source>Unlocks before the child is logged out:</source>
        <translation>Số lần mở khóa trước khi con bị đăng xuất:</translation>
    </message>
    <message>
        <location filename="../../ui/console/limitsform.cpp" line="130"/>
        <source>Browsers</source>
        <translation>Trình duyệt</translation>
    </message>
    <message>
        <location filename="../../ui/console/limitsform.cpp" line="136"/>
        <source>Allowed (tracked like any window)</source>
        <translation>Cho phép (ghi nhận như mọi cửa sổ khác)</translation>
    </message>
    <message>
        <location filename="../../ui/console/limitsform.cpp" line="137"/>
        <source>Turned off</source>
        <translation>Tắt</translation>
    </message>
    <message>
        <location filename="../../ui/console/limitsform.cpp" line="138"/>
        <source>Private windows</source>
        <translation>Cửa sổ ẩn danh</translation>
    </message>
    <message>
        <location filename="../../ui/console/limitsform.cpp" line="139"/>
        <source>Private windows:</source>
        <translation>Cửa sổ ẩn danh:</translation>
    </message>
    <message>
        <location filename="../../ui/console/limitsform.cpp" line="140"/>
        <source>Allowed and counted as the app</source>
        <translation>Cho phép, tính thời gian như một ứng dụng</translation>
    </message>
    <message>
        <location filename="../../ui/console/limitsform.cpp" line="141"/>
        <source>Closed</source>
        <translation>Đóng lại</translation>
    </message>
    <message>
        <location filename="../../ui/console/limitsform.cpp" line="142"/>
        <source>A browser without Sundial&apos;s extension</source>
        <translation>Trình duyệt không có tiện ích của Sundial</translation>
    </message>
    <message>
        <location filename="../../ui/console/limitsform.cpp" line="143"/>
        <source>Sites are not recorded in such a browser, so site rules cannot apply there</source>
        <translation>Trình duyệt như vậy không ghi lại trang web, nên quy tắc cho trang web không áp dụng được ở đó</translation>
    </message>
    <message>
        <location filename="../../ui/console/limitsform.cpp" line="145"/>
        <source>A browser without Sundial&apos;s extension (another browser, a portable copy, the extension removed):</source>
        <translation>Trình duyệt không có tiện ích của Sundial (trình duyệt khác, bản chạy không cần cài đặt, hoặc tiện ích đã bị gỡ):</translation>
    </message>
    <message>
        <location filename="../../ui/console/limitsform.cpp" line="151"/>
        <source>Private windows are set for the whole computer: if any child has them turned off, they are off for every account.</source>
        <translation>Cửa sổ ẩn danh được cài đặt chung cho cả máy: chỉ cần một con bị tắt, cửa sổ ẩn danh sẽ bị tắt với mọi tài khoản.</translation>
    </message>
    <message>
        <location filename="../../ui/console/limitsform.cpp" line="111"/>
        <source>Wait for the screen lock:</source>
        <translation>Chờ khóa màn hình:</translation>
    </message>
    <message>
        <location filename="../../ui/console/limitsform.cpp" line="119"/>
        <source>The day starts at</source>
        <translation>Ngày bắt đầu lúc</translation>
    </message>
    <message>
        <location filename="../../ui/console/limitsform.cpp" line="120"/>
        <source>Daily budgets start again at this time</source>
        <translation>Hạn mức mỗi ngày được tính lại từ giờ này</translation>
    </message>
    <message>
        <location filename="../../ui/console/limitsform.cpp" line="121"/>
        <source>The day starts at:</source>
        <translation>Ngày bắt đầu lúc:</translation>
    </message>
    <message>
        <location filename="../../ui/console/limitsform.cpp" line="126"/>
        <source>The week starts on</source>
        <translation>Tuần bắt đầu vào</translation>
    </message>
    <message>
        <location filename="../../ui/console/limitsform.cpp" line="127"/>
        <source>The weekly budget starts again on this day</source>
        <translation>Hạn mức mỗi tuần được tính lại từ ngày này</translation>
    </message>
    <message>
        <location filename="../../ui/console/limitsform.cpp" line="128"/>
        <source>The week starts on:</source>
        <translation>Tuần bắt đầu vào:</translation>
    </message>
</context>
<context>
    <name>sundial::ui::OnlineSafetyPage</name>
    <message>
        <location filename="../../ui/console/onlinesafetypage.cpp" line="108"/>
        <source>What to say to your child about life online, what to watch for, and what to do if something goes wrong. Sundial records no messages and no screenshots: what matters most is that your child tells you.</source>
        <translation>Nói gì với con về cuộc sống trên mạng, cần để ý những gì, và làm gì khi có chuyện không hay. Sundial không ghi lại tin nhắn và không chụp màn hình: điều quan trọng nhất là con kể với bạn.</translation>
    </message>
    <message>
        <location filename="../../ui/console/onlinesafetypage.cpp" line="116"/>
        <source>How to talk about it</source>
        <translation>Nói chuyện với con thế nào</translation>
    </message>
    <message>
        <location filename="../../ui/console/onlinesafetypage.cpp" line="117"/>
        <source>Stay calm, even if what you hear worries you.</source>
        <translation>Hãy bình tĩnh, kể cả khi điều bạn nghe khiến bạn lo lắng.</translation>
    </message>
    <message>
        <location filename="../../ui/console/onlinesafetypage.cpp" line="118"/>
        <source>Listen first, and let your child tell it in their own words.</source>
        <translation>Hãy lắng nghe trước, để con kể bằng lời của con.</translation>
    </message>
    <message>
        <location filename="../../ui/console/onlinesafetypage.cpp" line="120"/>
        <source>Do not blame them, and do not take their devices away as a punishment: children who fear that stop telling.</source>
        <translation>Đừng trách con, và đừng lấy thiết bị của con đi để phạt: trẻ sợ bị như vậy sẽ không kể nữa.</translation>
    </message>
    <message>
        <location filename="../../ui/console/onlinesafetypage.cpp" line="122"/>
        <source>Keep talking: ask about their apps, games and online friends often, not only when something is wrong.</source>
        <translation>Hãy trò chuyện thường xuyên: hỏi con về các ứng dụng, trò chơi và bạn bè trên mạng, không chỉ khi có chuyện.</translation>
    </message>
    <message>
        <location filename="../../ui/console/onlinesafetypage.cpp" line="125"/>
        <source>Signs of bullying or grooming</source>
        <translation>Dấu hiệu con bị bắt nạt hoặc bị dụ dỗ trên mạng</translation>
    </message>
    <message>
        <location filename="../../ui/console/onlinesafetypage.cpp" line="126"/>
        <source>Each can have other causes. If you notice one, ask gently.</source>
        <translation>Mỗi dấu hiệu đều có thể do nguyên nhân khác. Nếu bạn thấy một dấu hiệu, hãy nhẹ nhàng hỏi con.</translation>
    </message>
    <message>
        <location filename="../../ui/console/onlinesafetypage.cpp" line="127"/>
        <source>Secrecy about online friends or about what they do online.</source>
        <translation>Giấu giếm về bạn bè trên mạng hoặc về những gì con làm trên mạng.</translation>
    </message>
    <message>
        <location filename="../../ui/console/onlinesafetypage.cpp" line="128"/>
        <source>Gifts, money or game credit from someone they met online.</source>
        <translation>Nhận quà, tiền hoặc tiền nạp trò chơi từ người con quen trên mạng.</translation>
    </message>
    <message>
        <location filename="../../ui/console/onlinesafetypage.cpp" line="129"/>
        <source>Withdrawing from family, friends or things they used to enjoy.</source>
        <translation>Thu mình, xa lánh gia đình, bạn bè hoặc những việc con từng thích.</translation>
    </message>
    <message>
        <location filename="../../ui/console/onlinesafetypage.cpp" line="130"/>
        <source>Being upset, anxious or angry after being online.</source>
        <translation>Buồn bã, lo âu hoặc tức giận sau khi lên mạng.</translation>
    </message>
    <message>
        <location filename="../../ui/console/onlinesafetypage.cpp" line="131"/>
        <source>New contacts who are much older than they are.</source>
        <translation>Có người quen mới lớn tuổi hơn con nhiều.</translation>
    </message>
    <message>
        <location filename="../../ui/console/onlinesafetypage.cpp" line="132"/>
        <source>Someone asking them to move to a private chat or another app.</source>
        <translation>Có người rủ con chuyển sang trò chuyện riêng hoặc sang một ứng dụng khác.</translation>
    </message>
    <message>
        <location filename="../../ui/console/onlinesafetypage.cpp" line="134"/>
        <source>If something happens</source>
        <translation>Khi có chuyện xảy ra</translation>
    </message>
    <message>
        <location filename="../../ui/console/onlinesafetypage.cpp" line="135"/>
        <source>Keep the evidence: screenshots of the messages and profiles, user names, dates.</source>
        <translation>Giữ lại bằng chứng: ảnh chụp màn hình tin nhắn và trang cá nhân, tên tài khoản, ngày giờ.</translation>
    </message>
    <message>
        <location filename="../../ui/console/onlinesafetypage.cpp" line="137"/>
        <source>If there are sexual images of a child, do not copy or forward them, even as evidence: tell the police where they are.</source>
        <translation>Nếu có hình ảnh tình dục của trẻ em, đừng sao chép hay chuyển tiếp, kể cả để làm bằng chứng: hãy báo cho công an biết chúng ở đâu.</translation>
    </message>
    <message>
        <location filename="../../ui/console/onlinesafetypage.cpp" line="139"/>
        <source>On the Activity page, open that day&apos;s bar: its timeline shows which apps (and sites, where known) were in use, and when, for as many days as the Settings page keeps details.</source>
        <translation>Trên trang Hoạt động, mở cột của ngày hôm đó: dòng thời gian cho biết ứng dụng nào (và trang web nào, nếu biết) đã được dùng và vào lúc nào, trong số ngày mà trang Cài đặt giữ chi tiết.</translation>
    </message>
    <message>
        <location filename="../../ui/console/onlinesafetypage.cpp" line="141"/>
        <source>Tell the school if other pupils are involved.</source>
        <translation>Báo cho nhà trường nếu có học sinh khác liên quan.</translation>
    </message>
    <message>
        <location filename="../../ui/console/onlinesafetypage.cpp" line="142"/>
        <source>Contact the help line your child sees (on the Settings page), or local counselling services.</source>
        <translation>Liên hệ đường dây trợ giúp mà con thấy (trên trang Cài đặt), hoặc dịch vụ tư vấn tại địa phương.</translation>
    </message>
    <message>
        <location filename="../../ui/console/onlinesafetypage.cpp" line="143"/>
        <source>If a child is in danger, call the police.</source>
        <translation>Nếu trẻ đang gặp nguy hiểm, hãy gọi công an.</translation>
    </message>
    <message>
        <location filename="../../ui/console/onlinesafetypage.cpp" line="145"/>
        <source>The help line&apos;s pages</source>
        <translation>Các trang của đường dây trợ giúp</translation>
    </message>
    <message>
        <location filename="../../ui/console/onlinesafetypage.cpp" line="194"/>
        <source>The help line your child sees, from Sundial&apos;s help line table.</source>
        <translation>Đường dây trợ giúp mà con thấy, lấy từ danh sách đường dây trợ giúp của Sundial.</translation>
    </message>
    <message>
        <location filename="../../ui/console/onlinesafetypage.cpp" line="196"/>
        <source>The help lines your children see, from Sundial&apos;s help line table.</source>
        <translation>Các đường dây trợ giúp mà các con thấy, lấy từ danh sách đường dây trợ giúp của Sundial.</translation>
    </message>
    <message>
        <location filename="../../ui/console/onlinesafetypage.cpp" line="199"/>
        <source>The help line for this computer&apos;s country, from Sundial&apos;s help line table.</source>
        <translation>Đường dây trợ giúp của quốc gia nơi dùng máy tính này, lấy từ danh sách đường dây trợ giúp của Sundial.</translation>
    </message>
    <message>
        <location filename="../../ui/console/onlinesafetypage.cpp" line="201"/>
        <source>Sundial&apos;s help line table could not be read.</source>
        <translation>Không đọc được danh sách đường dây trợ giúp của Sundial.</translation>
    </message>
    <message>
        <location filename="../../ui/console/onlinesafetypage.cpp" line="205"/>
        <source>The advice above is general. These links are not Sundial&apos;s: they are the help line&apos;s own website and the page Sundial took its number from.</source>
        <translation>Những lời khuyên ở trên mang tính chung. Các liên kết này không phải của Sundial: đó là trang web của chính đường dây trợ giúp và trang mà Sundial lấy số điện thoại của đường dây.</translation>
    </message>
    <message>
        <location filename="../../ui/console/onlinesafetypage.cpp" line="214"/>
        <source>Its website: %1</source>
        <translation>Trang web: %1</translation>
    </message>
    <message>
        <location filename="../../ui/console/onlinesafetypage.cpp" line="217"/>
        <source>Where Sundial found its number: %1</source>
        <translation>Nơi Sundial tìm thấy số điện thoại: %1</translation>
    </message>
</context>
<context>
    <name>sundial::ui::RequestsPage</name>
    <message>
        <location filename="../../ui/console/requestspage.cpp" line="24"/>
        <source>Requests for more time</source>
        <translation>Các yêu cầu thêm thời gian</translation>
    </message>
    <message>
        <location filename="../../ui/console/requestspage.cpp" line="27"/>
        <source>Asked</source>
        <translation>Lúc xin</translation>
    </message>
    <message>
        <location filename="../../ui/console/requestspage.cpp" line="27"/>
        <source>Minutes</source>
        <translation>Số phút</translation>
    </message>
    <message>
        <location filename="../../ui/console/requestspage.cpp" line="27"/>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../../ui/console/requestspage.cpp" line="27"/>
        <source>Answer</source>
        <translation>Trả lời</translation>
    </message>
    <message>
        <location filename="../../ui/console/requestspage.cpp" line="21"/>
        <source>Older requests</source>
        <translation>Yêu cầu cũ hơn</translation>
    </message>
    <message>
        <location filename="../../ui/console/requestspage.cpp" line="27"/>
        <source>Child</source>
        <translation>Con</translation>
    </message>
    <message>
        <location filename="../../ui/console/requestspage.cpp" line="27"/>
        <source>Answered by</source>
        <translation>Người trả lời</translation>
    </message>
    <message>
        <location filename="../../ui/console/requestspage.cpp" line="66"/>
        <source>approved, %1 min</source>
        <translation>đồng ý, %1 phút</translation>
    </message>
    <message>
        <location filename="../../ui/console/requestspage.cpp" line="67"/>
        <source>denied</source>
        <translation>từ chối</translation>
    </message>
    <message>
        <location filename="../../ui/console/requestspage.cpp" line="68"/>
        <source>waiting</source>
        <translation>đang chờ</translation>
    </message>
</context>
<context>
    <name>sundial::ui::RuleTable</name>
    <message>
        <location filename="../../ui/console/ruletable.cpp" line="123"/>
        <source>Rule %1: %2</source>
        <translation>Quy tắc %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/console/ruletable.cpp" line="125"/>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <location filename="../../ui/console/ruletable.cpp" line="170"/>
        <source>Own daily budget</source>
        <translation>Hạn mức riêng mỗi ngày</translation>
    </message>
    <message>
        <location filename="../../ui/console/ruletable.cpp" line="171"/>
        <source>Blocked</source>
        <translation>Chặn</translation>
    </message>
    <message>
        <location filename="../../ui/console/ruletable.cpp" line="172"/>
        <source>Always allowed</source>
        <translation>Luôn cho phép</translation>
    </message>
    <message>
        <location filename="../../ui/console/ruletable.cpp" line="183"/>
        <source>not set</source>
        <translation>chưa đặt</translation>
    </message>
    <message>
        <location filename="../../ui/console/ruletable.cpp" line="184"/>
        <source> min</source>
        <translation> phút</translation>
    </message>
    <message>
        <location filename="../../ui/console/ruletable.cpp" line="260"/>
        <source>Remove</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location filename="../../ui/console/ruletable.cpp" line="269"/>
        <source>Remove rule %1</source>
        <translation>Xóa quy tắc %1</translation>
    </message>
    <message>
        <location filename="../../ui/console/ruletable.cpp" line="270"/>
        <source>%1, rule %2</source>
        <translation>%1, quy tắc %2</translation>
    </message>
</context>
<context>
    <name>sundial::ui::RulesPage</name>
    <message>
        <location filename="../../ui/console/rulespage.cpp" line="70"/>
        <source>Rules</source>
        <translation>Quy tắc</translation>
    </message>
    <message>
        <location filename="../../ui/console/rulespage.cpp" line="74"/>
        <source>Save rules</source>
        <translation>Lưu quy tắc</translation>
    </message>
    <message>
        <location filename="../../ui/console/rulespage.cpp" line="76"/>
        <source>Revert</source>
        <translation>Bỏ thay đổi</translation>
    </message>
    <message>
        <location filename="../../ui/console/rulespage.cpp" line="68"/>
        <source>Child</source>
        <translation>Con</translation>
    </message>
    <message>
        <location filename="../../ui/console/rulespage.cpp" line="79"/>
        <source>C&amp;hild:</source>
        <translation>&amp;Con:</translation>
    </message>
    <message>
        <location filename="../../ui/console/rulespage.cpp" line="88"/>
        <source>Allowed hours</source>
        <translation>Giờ được phép</translation>
    </message>
    <message>
        <location filename="../../ui/console/rulespage.cpp" line="91"/>
        <source>Allowed hours (drag to paint, drag from a painted cell to clear):</source>
        <translation>Giờ được phép (kéo để tô, kéo từ ô đã tô để xóa):</translation>
    </message>
    <message>
        <location filename="../../ui/console/rulespage.cpp" line="99"/>
        <source>no limit</source>
        <translation>không giới hạn</translation>
    </message>
    <message>
        <location filename="../../ui/console/rulespage.cpp" line="100"/>
        <source> min</source>
        <translation> phút</translation>
    </message>
    <message>
        <location filename="../../ui/console/rulespage.cpp" line="101"/>
        <source>Budget for %1</source>
        <translation>Hạn mức cho %1</translation>
    </message>
    <message>
        <location filename="../../ui/console/rulespage.cpp" line="112"/>
        <source>Add from what the child used…</source>
        <translation>Thêm từ những gì con đã dùng…</translation>
    </message>
    <message>
        <location filename="../../ui/console/rulespage.cpp" line="119"/>
        <source>Apps (a rule for an app beats its category&apos;s; blocked beats always allowed beats a budget):</source>
        <translation>Ứng dụng (quy tắc cho một ứng dụng được ưu tiên hơn quy tắc cho danh mục của nó; chặn được ưu tiên hơn luôn cho phép, luôn cho phép được ưu tiên hơn hạn mức):</translation>
    </message>
    <message>
        <location filename="../../ui/console/rulespage.cpp" line="124"/>
        <source>Sites (a domain covers its subdomains; the longest match applies):</source>
        <translation>Trang web (một tên miền bao gồm cả các tên miền con; tên miền khớp dài nhất được áp dụng):</translation>
    </message>
    <message>
        <location filename="../../ui/console/rulespage.cpp" line="143"/>
        <source>&amp;Schedule</source>
        <translation>&amp;Lịch</translation>
    </message>
    <message>
        <location filename="../../ui/console/rulespage.cpp" line="144"/>
        <source>&amp;Apps and sites</source>
        <translation>Ứng &amp;dụng và trang web</translation>
    </message>
    <message>
        <location filename="../../ui/console/rulespage.cpp" line="145"/>
        <source>&amp;Limits</source>
        <translation>Giới &amp;hạn</translation>
    </message>
    <message>
        <location filename="../../ui/console/rulespage.cpp" line="146"/>
        <source>All rules (&amp;JSON)</source>
        <translation>Tất cả quy tắc (&amp;JSON)</translation>
    </message>
    <message>
        <location filename="../../ui/console/rulespage.cpp" line="184"/>
        <source>Add from what %1 used…</source>
        <translation>Thêm từ những gì %1 đã dùng…</translation>
    </message>
    <message>
        <location filename="../../ui/console/rulespage.cpp" line="312"/>
        <source>The JSON text cannot be read, so the forms still show the rules before the last edit there. Correct it on the JSON tab.</source>
        <translation>Không đọc được văn bản JSON, nên các biểu mẫu vẫn hiển thị quy tắc trước lần sửa gần nhất ở đó. Hãy sửa lỗi trong thẻ JSON.</translation>
    </message>
    <message>
        <location filename="../../ui/console/rulespage.cpp" line="215"/>
        <source>Saved. The new rules apply now.</source>
        <translation>Đã lưu. Quy tắc mới có hiệu lực ngay.</translation>
    </message>
    <message>
        <location filename="../../ui/console/rulespage.cpp" line="190"/>
        <source>Saved rules apply at once. A mistake is not saved: the field it is in is marked, with what to write instead.</source>
        <translation>Quy tắc đã lưu có hiệu lực ngay. Nếu có chỗ sai, Sundial sẽ không lưu và đánh dấu ô bị sai cùng cách viết đúng.</translation>
    </message>
    <message>
        <location filename="../../ui/console/rulespage.cpp" line="236"/>
        <source>Not saved: correct the marked field.</source>
        <translation>Chưa lưu: hãy sửa ô được đánh dấu.</translation>
    </message>
    <message>
        <location filename="../../ui/console/rulespage.cpp" line="242"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/console/rulespage.cpp" line="267"/>
        <source>Not saved: %1</source>
        <translation>Chưa lưu: %1</translation>
    </message>
</context>
<context>
    <name>sundial::ui::ScheduleGrid</name>
    <message>
        <location filename="../../ui/console/schedulegrid.cpp" line="45"/>
        <source>Allowed hours, Monday to Sunday, in quarter hours</source>
        <translation>Giờ được phép, từ thứ Hai đến Chủ nhật, theo từng 15 phút</translation>
    </message>
    <message>
        <location filename="../../ui/console/schedulegrid.cpp" line="46"/>
        <source>Drag to allow hours; arrow keys move, space toggles.</source>
        <translation>Kéo để cho phép giờ; phím mũi tên để di chuyển, phím cách để bật/tắt.</translation>
    </message>
</context>
<context>
    <name>sundial::ui::ServiceConnection</name>
    <message>
        <location filename="../../ui/tray/serviceconnection.cpp" line="64"/>
        <source>Your request could not be sent. Try again in a few minutes.</source>
        <translation>Chưa gửi được lời xin của em. Em thử lại sau vài phút nhé.</translation>
    </message>
    <message>
        <location filename="../../ui/tray/serviceconnection.cpp" line="93"/>
        <source>The password was not accepted, so no time was given.</source>
        <translation>Mật khẩu chưa đúng nên chưa có thêm thời gian.</translation>
    </message>
    <message>
        <location filename="../../ui/tray/serviceconnection.cpp" line="94"/>
        <source>No time was given: something went wrong. Try again in a few minutes.</source>
        <translation>Chưa cho thêm được thời gian vì có lỗi. Thử lại sau vài phút nhé.</translation>
    </message>
</context>
<context>
    <name>sundial::ui::SettingsPage</name>
    <message>
        <location filename="../../ui/console/settingspage.cpp" line="25"/>
        <source>Record window titles</source>
        <translation>Ghi lại tiêu đề cửa sổ</translation>
    </message>
    <message>
        <location filename="../../ui/console/settingspage.cpp" line="26"/>
        <source>Record full web addresses (otherwise only the site&apos;s name)</source>
        <translation>Ghi lại địa chỉ web đầy đủ (nếu bỏ chọn, chỉ ghi tên miền)</translation>
    </message>
    <message>
        <location filename="../../ui/console/settingspage.cpp" line="41"/>
        <source> days</source>
        <translation> ngày</translation>
    </message>
    <message>
        <location filename="../../ui/console/settingspage.cpp" line="47"/>
        <source>Shown to the child under the number. Say only what is true of this line.</source>
        <translation>Hiện cho con dưới số điện thoại. Chỉ ghi điều đúng với đường dây này.</translation>
    </message>
    <message>
        <location filename="../../ui/console/settingspage.cpp" line="48"/>
        <source>What is recorded</source>
        <translation>Những gì được ghi lại</translation>
    </message>
    <message>
        <location filename="../../ui/console/settingspage.cpp" line="52"/>
        <source>Keep details for:</source>
        <translation>Giữ chi tiết trong:</translation>
    </message>
    <message>
        <location filename="../../ui/console/settingspage.cpp" line="53"/>
        <source>Keep daily totals for:</source>
        <translation>Giữ tổng theo ngày trong:</translation>
    </message>
    <message>
        <location filename="../../ui/console/settingspage.cpp" line="54"/>
        <source>Help line the child always sees</source>
        <translation>Đường dây trợ giúp luôn hiện cho con</translation>
    </message>
    <message>
        <location filename="../../ui/console/settingspage.cpp" line="56"/>
        <source>Name:</source>
        <translation>Tên:</translation>
    </message>
    <message>
        <location filename="../../ui/console/settingspage.cpp" line="57"/>
        <source>Phone:</source>
        <translation>Điện thoại:</translation>
    </message>
    <message>
        <location filename="../../ui/console/settingspage.cpp" line="58"/>
        <source>Web address:</source>
        <translation>Địa chỉ web:</translation>
    </message>
    <message>
        <location filename="../../ui/console/settingspage.cpp" line="59"/>
        <source>What it offers:</source>
        <translation>Đường dây hỗ trợ gì:</translation>
    </message>
    <message>
        <location filename="../../ui/console/settingspage.cpp" line="60"/>
        <source>Save settings</source>
        <translation>Lưu cài đặt</translation>
    </message>
    <message>
        <location filename="../../ui/console/settingspage.cpp" line="63"/>
        <source>&amp;Child:</source>
        <translation>&amp;Con:</translation>
    </message>
    <message>
        <location filename="../../ui/console/settingspage.cpp" line="100"/>
        <source>The child can see these settings in their own window.</source>
        <translation>Con có thể xem các cài đặt này trong cửa sổ của mình.</translation>
    </message>
    <message>
        <location filename="../../ui/console/settingspage.cpp" line="112"/>
        <source>No help line was chosen for this child, so they see this one, this computer&apos;s default. Save to keep it, or change it.</source>
        <translation>Chưa chọn đường dây trợ giúp cho con, nên con đang thấy đường dây này, mặc định của máy. Hãy lưu để giữ, hoặc đổi sang đường dây khác.</translation>
    </message>
    <message>
        <location filename="../../ui/console/settingspage.cpp" line="128"/>
        <source>Not saved: give the help line a phone number or a web address. The child sees it everywhere, even when their time is up.</source>
        <translation>Chưa lưu: hãy nhập số điện thoại hoặc địa chỉ web của đường dây trợ giúp. Con luôn thấy đường dây này, kể cả khi đã hết giờ.</translation>
    </message>
    <message>
        <location filename="../../ui/console/settingspage.cpp" line="150"/>
        <source>Saved.</source>
        <translation>Đã lưu.</translation>
    </message>
    <message>
        <location filename="../../ui/console/settingspage.cpp" line="152"/>
        <source>Not saved: %1</source>
        <translation>Chưa lưu: %1</translation>
    </message>
</context>
<context>
    <name>sundial::ui::SetupWizard</name>
    <message>
        <location filename="../../ui/console/setupwizard.cpp" line="88"/>
        <source>Set up Sundial</source>
        <translation>Thiết lập Sundial</translation>
    </message>
    <message>
        <location filename="../../ui/console/setupwizard.cpp" line="94"/>
        <source>Which accounts belong to children?</source>
        <translation>Những tài khoản nào là của các con?</translation>
    </message>
    <message>
        <location filename="../../ui/console/setupwizard.cpp" line="95"/>
        <source>Sundial limits and records only the accounts you choose. Each child needs an account of their own on this computer.</source>
        <translation>Sundial chỉ giới hạn và ghi lại những tài khoản bạn chọn. Mỗi con cần có một tài khoản riêng trên máy tính này.</translation>
    </message>
    <message>
        <location filename="../../ui/console/setupwizard.cpp" line="100"/>
        <source>%1 — already limited</source>
        <translation>%1 — đã được giới hạn</translation>
    </message>
    <message>
        <location filename="../../ui/console/setupwizard.cpp" line="105"/>
        <source>Sundial limits this account already; its rules are set again from your choice.</source>
        <translation>Sundial đã giới hạn tài khoản này; quy tắc của tài khoản sẽ được đặt lại theo lựa chọn của bạn.</translation>
    </message>
    <message>
        <location filename="../../ui/console/setupwizard.cpp" line="112"/>
        <source>This computer has no other user accounts. Create an account for each child first (in the system settings, or with &quot;sudo adduser NAME&quot;), then open this setup again from the Family menu.</source>
        <translation>Máy tính này không có tài khoản người dùng nào khác. Hãy tạo trước một tài khoản cho mỗi con (trong phần cài đặt hệ thống, hoặc bằng &quot;sudo adduser NAME&quot;), rồi mở lại phần thiết lập này từ trình đơn Gia đình.</translation>
    </message>
    <message>
        <location filename="../../ui/console/setupwizard.cpp" line="124"/>
        <source>Starting rules</source>
        <translation>Quy tắc ban đầu</translation>
    </message>
    <message>
        <location filename="../../ui/console/setupwizard.cpp" line="125"/>
        <source>A start you can change at any time on the Rules page, for each child.</source>
        <translation>Bạn có thể đổi cho từng con bất cứ lúc nào ở trang Quy tắc.</translation>
    </message>
    <message>
        <location filename="../../ui/console/setupwizard.cpp" line="128"/>
        <source>School days 2 h, weekends 3 h, between 07:00 and 21:00</source>
        <translation>Ngày đi học 2 giờ, cuối tuần 3 giờ, từ 07:00 đến 21:00</translation>
    </message>
    <message>
        <location filename="../../ui/console/setupwizard.cpp" line="129"/>
        <source>Every day 1 h, between 08:00 and 20:00</source>
        <translation>Mỗi ngày 1 giờ, từ 08:00 đến 20:00</translation>
    </message>
    <message>
        <location filename="../../ui/console/setupwizard.cpp" line="130"/>
        <source>Record only, no limits</source>
        <translation>Chỉ ghi lại, không giới hạn</translation>
    </message>
    <message>
        <location filename="../../ui/console/setupwizard.cpp" line="145"/>
        <source>The help line</source>
        <translation>Đường dây trợ giúp</translation>
    </message>
    <message>
        <location filename="../../ui/console/setupwizard.cpp" line="146"/>
        <source>Children always see this help line, even when their time is up, and can always reach its website. Check that it is right for your country.</source>
        <translation>Các con luôn thấy đường dây trợ giúp này, kể cả khi đã hết giờ, và luôn vào được trang web của đường dây. Hãy kiểm tra xem đường dây này có phù hợp với quốc gia của bạn không.</translation>
    </message>
    <message>
        <location filename="../../ui/console/setupwizard.cpp" line="151"/>
        <source>International — %1</source>
        <translation>Quốc tế — %1</translation>
    </message>
    <message>
        <location filename="../../ui/console/setupwizard.cpp" line="158"/>
        <source>Shown to the child under the number. Say only what is true of this line.</source>
        <translation>Hiện cho con dưới số điện thoại. Chỉ ghi điều đúng với đường dây này.</translation>
    </message>
    <message>
        <location filename="../../ui/console/setupwizard.cpp" line="165"/>
        <source>Help line:</source>
        <translation>Đường dây trợ giúp:</translation>
    </message>
    <message>
        <location filename="../../ui/console/setupwizard.cpp" line="166"/>
        <source>Name:</source>
        <translation>Tên:</translation>
    </message>
    <message>
        <location filename="../../ui/console/setupwizard.cpp" line="167"/>
        <source>Phone:</source>
        <translation>Điện thoại:</translation>
    </message>
    <message>
        <location filename="../../ui/console/setupwizard.cpp" line="168"/>
        <source>Website:</source>
        <translation>Trang web:</translation>
    </message>
    <message>
        <location filename="../../ui/console/setupwizard.cpp" line="169"/>
        <source>What it offers:</source>
        <translation>Đường dây hỗ trợ gì:</translation>
    </message>
    <message>
        <location filename="../../ui/console/setupwizard.cpp" line="178"/>
        <source>Start limiting</source>
        <translation>Bắt đầu giới hạn</translation>
    </message>
    <message>
        <location filename="../../ui/console/setupwizard.cpp" line="180"/>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Tiếp &gt;</translation>
    </message>
    <message>
        <location filename="../../ui/console/setupwizard.cpp" line="181"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Quay lại</translation>
    </message>
    <message>
        <location filename="../../ui/console/setupwizard.cpp" line="182"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../ui/console/setupwizard.cpp" line="224"/>
        <source>Source: &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;</source>
        <translation>Nguồn: &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/console/setupwizard.cpp" line="255"/>
        <source>Sundial&apos;s service sent rules it cannot read. Restart it (sudo systemctl restart sundiald) and try again.</source>
        <translation>Dịch vụ Sundial gửi quy tắc không đọc được. Hãy khởi động lại dịch vụ (sudo systemctl restart sundiald) rồi thử lại.</translation>
    </message>
    <message>
        <location filename="../../ui/console/setupwizard.cpp" line="303"/>
        <source>Give the help line a phone number or a web address: the child sees it everywhere, even when their time is up.</source>
        <translation>Hãy nhập số điện thoại hoặc địa chỉ web của đường dây trợ giúp: con luôn thấy đường dây này, kể cả khi đã hết giờ.</translation>
    </message>
    <message>
        <location filename="../../ui/console/setupwizard.cpp" line="318"/>
        <source>Setting up…</source>
        <translation>Đang thiết lập…</translation>
    </message>
    <message>
        <location filename="../../ui/console/setupwizard.cpp" line="350"/>
        <source>%1 could not be limited: %2</source>
        <translation>Không giới hạn được %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/console/setupwizard.cpp" line="358"/>
        <source>The rules of %1 could not be set: %2</source>
        <translation>Không đặt được quy tắc của %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/console/setupwizard.cpp" line="383"/>
        <source>Done: Sundial limits the chosen accounts from now on.</source>
        <translation>Xong: từ giờ Sundial sẽ giới hạn các tài khoản đã chọn.</translation>
    </message>
    <message>
        <location filename="../../ui/console/setupwizard.cpp" line="389"/>
        <source>Not everything could be set up:</source>
        <translation>Một số mục không thiết lập được:</translation>
    </message>
</context>
<context>
    <name>sundial::ui::SiteRuleTable</name>
    <message>
        <location filename="../../ui/console/siteruletable.cpp" line="12"/>
        <source>Domain</source>
        <translation>Tên miền</translation>
    </message>
    <message>
        <location filename="../../ui/console/siteruletable.cpp" line="12"/>
        <source>Action</source>
        <translation>Chế độ</translation>
    </message>
    <message>
        <location filename="../../ui/console/siteruletable.cpp" line="12"/>
        <source>Daily minutes</source>
        <translation>Số phút mỗi ngày</translation>
    </message>
    <message>
        <location filename="../../ui/console/siteruletable.cpp" line="12"/>
        <source>Add site rule</source>
        <translation>Thêm quy tắc trang web</translation>
    </message>
    <message>
        <location filename="../../ui/console/siteruletable.cpp" line="20"/>
        <source>example.com</source>
        <translation>example.com</translation>
    </message>
</context>
<context>
    <name>sundial::ui::StaySafeBox</name>
    <message>
        <location filename="../../ui/tray/staysafebox.cpp" line="22"/>
        <source>Staying safe online</source>
        <translation>Giữ an toàn khi lên mạng</translation>
    </message>
    <message>
        <location filename="../../ui/tray/staysafebox.cpp" line="30"/>
        <source>Think before you share photos or details like your address, school or phone number. Once sent, they can be copied, and you may never be able to delete them.</source>
        <translation>Hãy suy nghĩ kỹ trước khi gửi ảnh hay thông tin như địa chỉ, trường học hoặc số điện thoại của em. Khi đã gửi đi, chúng có thể bị sao chép và em có thể không bao giờ xóa được nữa.</translation>
    </message>
    <message>
        <location filename="../../ui/tray/staysafebox.cpp" line="35"/>
        <source>If someone pressures you, threatens you or asks you for pictures, they are doing wrong. It is not your fault, even if you already sent something.</source>
        <translation>Nếu ai đó ép buộc, đe dọa em hoặc đòi em gửi ảnh, người đó đang làm điều sai. Đó không phải lỗi của em, kể cả khi em đã lỡ gửi gì đó.</translation>
    </message>
    <message>
        <location filename="../../ui/tray/staysafebox.cpp" line="40"/>
        <source>You can block and report them: most apps and games have Block and Report in the person&apos;s profile or in the chat&apos;s menu.</source>
        <translation>Em có thể chặn và báo cáo người đó: hầu hết ứng dụng và trò chơi đều có nút Chặn và Báo cáo trong trang cá nhân của người đó hoặc trong phần tùy chọn của cuộc trò chuyện.</translation>
    </message>
    <message>
        <location filename="../../ui/tray/staysafebox.cpp" line="67"/>
        <source>Keep the messages and tell an adult you trust.</source>
        <translation>Hãy giữ lại các tin nhắn và kể cho một người lớn mà em tin tưởng.</translation>
    </message>
    <message>
        <location filename="../../ui/tray/staysafebox.cpp" line="68"/>
        <source>Keep the messages and tell an adult you trust, or contact the help line above.</source>
        <translation>Hãy giữ lại các tin nhắn và kể cho một người lớn mà em tin tưởng, hoặc liên hệ đường dây trợ giúp ở phía trên.</translation>
    </message>
</context>
<context>
    <name>sundial::ui::TimeUpScreen</name>
    <message>
        <location filename="../../ui/tray/timeupscreen.cpp" line="61"/>
        <location filename="../../ui/tray/timeupscreen.cpp" line="65"/>
        <source>Time is up</source>
        <translation>Hết giờ rồi</translation>
    </message>
    <message>
        <location filename="../../ui/tray/timeupscreen.cpp" line="77"/>
        <source>Ask for more time</source>
        <translation>Xin thêm thời gian</translation>
    </message>
    <message>
        <location filename="../../ui/tray/timeupscreen.cpp" line="89"/>
        <source>You can still use:</source>
        <translation>Em vẫn có thể dùng:</translation>
    </message>
    <message>
        <location filename="../../ui/tray/timeupscreen.cpp" line="162"/>
        <source>Other apps are closed until you have time again.</source>
        <translation>Các ứng dụng khác sẽ đóng cho đến khi em có thời gian trở lại.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/tray/timeupscreen.cpp" line="165"/>
        <source>Save your work: in %n seconds, apps that are not shown here will close.</source>
        <translation>
            <numerusform>Hãy lưu bài: sau %n giây, các ứng dụng không có ở đây sẽ đóng.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/tray/timeupscreen.cpp" line="168"/>
        <source>Save your work now: in %n seconds you will be logged out, and anything not saved is lost.</source>
        <translation>
            <numerusform>Hãy lưu bài ngay: sau %n giây em sẽ bị đăng xuất, phần chưa lưu sẽ mất.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/tray/timeupscreen.cpp" line="172"/>
        <source>Save your work: the computer goes to sleep in %n seconds.</source>
        <translation>
            <numerusform>Hãy lưu bài: máy tính sẽ ngủ sau %n giây.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/tray/timeupscreen.cpp" line="174"/>
        <source>Save your work: the screen locks in %n seconds.</source>
        <translation>
            <numerusform>Em hãy lưu lại việc đang làm: sau %n giây màn hình sẽ khóa.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/tray/timeupscreen.cpp" line="216"/>
        <source>Open %1 (Ctrl+%2)</source>
        <translation>Mở %1 (Ctrl+%2)</translation>
    </message>
    <message>
        <location filename="../../ui/tray/timeupscreen.cpp" line="217"/>
        <source>Open %1</source>
        <translation>Mở %1</translation>
    </message>
</context>
<context>
    <name>sundial::ui::UsedAppPicker</name>
    <message>
        <location filename="../../ui/console/usedapppicker.cpp" line="31"/>
        <source>Asking what %1 used in the last 30 days…</source>
        <translation>Đang lấy danh sách những gì %1 đã dùng trong 30 ngày qua…</translation>
    </message>
    <message>
        <location filename="../../ui/console/usedapppicker.cpp" line="38"/>
        <source>Add from what %1 used</source>
        <translation>Thêm từ những gì %1 đã dùng</translation>
    </message>
    <message>
        <location filename="../../ui/console/usedapppicker.cpp" line="41"/>
        <source>Apps and sites %1 used; Space ticks one</source>
        <translation>Ứng dụng và trang web %1 đã dùng; phím cách để đánh dấu một mục</translation>
    </message>
    <message>
        <location filename="../../ui/console/usedapppicker.cpp" line="42"/>
        <source>A whole category</source>
        <translation>Cả một danh mục</translation>
    </message>
    <message>
        <location filename="../../ui/console/usedapppicker.cpp" line="43"/>
        <source>(none)</source>
        <translation>(không chọn)</translation>
    </message>
    <message>
        <location filename="../../ui/console/usedapppicker.cpp" line="47"/>
        <source>Action for the chosen apps and sites</source>
        <translation>Chế độ cho các ứng dụng và trang web đã chọn</translation>
    </message>
    <message>
        <location filename="../../ui/console/usedapppicker.cpp" line="48"/>
        <source>Own daily budget</source>
        <translation>Hạn mức riêng mỗi ngày</translation>
    </message>
    <message>
        <location filename="../../ui/console/usedapppicker.cpp" line="49"/>
        <source>Blocked</source>
        <translation>Chặn</translation>
    </message>
    <message>
        <location filename="../../ui/console/usedapppicker.cpp" line="50"/>
        <source>Always allowed</source>
        <translation>Luôn cho phép</translation>
    </message>
    <message>
        <location filename="../../ui/console/usedapppicker.cpp" line="51"/>
        <source>Daily minutes</source>
        <translation>Số phút mỗi ngày</translation>
    </message>
    <message>
        <location filename="../../ui/console/usedapppicker.cpp" line="55"/>
        <source> min</source>
        <translation> phút</translation>
    </message>
    <message>
        <location filename="../../ui/console/usedapppicker.cpp" line="60"/>
        <source>Also a whole &amp;category:</source>
        <translation>Thêm cả một &amp;danh mục:</translation>
    </message>
    <message>
        <location filename="../../ui/console/usedapppicker.cpp" line="61"/>
        <source>&amp;Action:</source>
        <translation>&amp;Chế độ:</translation>
    </message>
    <message>
        <location filename="../../ui/console/usedapppicker.cpp" line="62"/>
        <source>Daily &amp;minutes:</source>
        <translation>Số phút mỗi &amp;ngày:</translation>
    </message>
    <message>
        <location filename="../../ui/console/usedapppicker.cpp" line="64"/>
        <source>Add rules</source>
        <translation>Thêm quy tắc</translation>
    </message>
    <message>
        <location filename="../../ui/console/usedapppicker.cpp" line="97"/>
        <source>%1 (program, %2 min)</source>
        <translation>%1 (chương trình, %2 phút)</translation>
    </message>
    <message>
        <location filename="../../ui/console/usedapppicker.cpp" line="104"/>
        <source>%1 (site, %2 min)</source>
        <translation>%1 (trang web, %2 phút)</translation>
    </message>
    <message>
        <location filename="../../ui/console/usedapppicker.cpp" line="111"/>
        <source>%1 (category, %2 min)</source>
        <translation>%1 (danh mục, %2 phút)</translation>
    </message>
    <message>
        <location filename="../../ui/console/usedapppicker.cpp" line="115"/>
        <source>Tick what the new rules are for (most used first):</source>
        <translation>Đánh dấu những mục cần áp dụng quy tắc mới (dùng nhiều nhất ở trên cùng):</translation>
    </message>
    <message>
        <location filename="../../ui/console/usedapppicker.cpp" line="116"/>
        <source>Nothing was recorded in the last 30 days.</source>
        <translation>Không có gì được ghi nhận trong 30 ngày qua.</translation>
    </message>
    <message>
        <location filename="../../ui/console/usedapppicker.cpp" line="124"/>
        <source>Could not ask what was used: %1</source>
        <translation>Không lấy được danh sách những gì đã dùng: %1</translation>
    </message>
</context>
</TS>
