"""Original Vietnamese article texts for the extraction test corpus.

Every article is a dict:

- ``titles``: alternative titles (files pick one by index; long ones wrap over two lines)
- ``byline``: author line (never read aloud)
- ``lead``: bold lead paragraph (read aloud)
- ``body``: list of blocks, each either a plain string (body paragraph) or a tuple
  ``("h", text)`` bold sub-head, ``("ul", [items])`` bulleted list, ``("ol", [items])``
  numbered list (the number is printed as text "1. " and is part of the truth),
  ``("table", [[cell, ...], ...])`` table whose first row is the header row
- ``quote``: a sentence copied verbatim from a body paragraph, used as a pull quote
- ``caption``: photo caption (never read aloud)

All strings are NFC. The texts are invented for this corpus; names of people and places
are fictitious.
"""

from __future__ import annotations

ARTICLES: dict[str, dict] = {}


def _add(key: str, **kw) -> None:
    ARTICLES[key] = kw


_add(
    "so_ket_9_thang",
    titles=[
        "Hội nghị sơ kết công tác xây dựng Đảng 9 tháng đầu năm 2025",
        "Đảng ủy phường sơ kết 9 tháng, đề ra nhiệm vụ trọng tâm những tháng cuối năm",
        "Sơ kết 9 tháng: nhiều chỉ tiêu đạt và vượt kế hoạch",
    ],
    byline="Minh Châu",
    lead=(
        "Sáng ngày 8/10, Đảng ủy phường Hòa Thuận tổ chức hội nghị sơ kết công tác xây dựng "
        "Đảng, phát triển kinh tế - xã hội, bảo đảm quốc phòng, an ninh 9 tháng đầu năm và "
        "triển khai nhiệm vụ trọng tâm quý IV năm 2025."
    ),
    body=[
        (
            "Dự hội nghị có các đồng chí trong Ban Chấp hành Đảng bộ phường, bí thư các chi bộ "
            "trực thuộc, trưởng các khu phố và đại diện Ủy ban Mặt trận Tổ quốc Việt Nam phường. "
            "Đồng chí Bí thư Đảng ủy phường chủ trì hội nghị."
        ),
        ("h", "Công tác xây dựng Đảng có nhiều chuyển biến"),
        (
            "Báo cáo tại hội nghị cho biết, 9 tháng qua Đảng ủy đã lãnh đạo các chi bộ tổ chức "
            "học tập, quán triệt đầy đủ các nghị quyết, chỉ thị của cấp trên. Tỷ lệ đảng viên "
            "tham gia học tập đạt trên 97%. Chất lượng sinh hoạt chi bộ được nâng lên, nhiều "
            "chi bộ đã lựa chọn được chuyên đề sát với tình hình thực tế của khu dân cư."
        ),
        (
            "Công tác kiểm tra, giám sát được thực hiện đúng kế hoạch. Ủy ban Kiểm tra Đảng ủy "
            "đã kiểm tra 6 chi bộ và 12 đảng viên, giám sát chuyên đề 4 chi bộ; qua kiểm tra "
            "chưa phát hiện trường hợp vi phạm phải xử lý kỷ luật. Công tác phát triển đảng "
            "viên tiếp tục được chú trọng, đến nay đã kết nạp 9 đảng viên mới."
        ),
        ("h", "Kinh tế - xã hội giữ vững đà phát triển"),
        (
            "Tổng thu ngân sách trên địa bàn đạt 81% dự toán năm. Hoạt động thương mại, dịch vụ "
            "tiếp tục phục hồi, số hộ kinh doanh mới đăng ký tăng 14% so với cùng kỳ. Công tác "
            "chỉnh trang đô thị, giải quyết thủ tục hành chính cho người dân được quan tâm thực "
            "hiện, không để xảy ra tình trạng hồ sơ trễ hạn."
        ),
        ("table", [
            ["Chỉ tiêu", "Kế hoạch năm", "Thực hiện 9 tháng", "Tỷ lệ"],
            ["Thu ngân sách", "42 tỷ đồng", "34 tỷ đồng", "81%"],
            ["Kết nạp đảng viên", "12 đảng viên", "9 đảng viên", "75%"],
            ["Bảo hiểm y tế", "95% dân số", "93,2% dân số", "98%"],
            ["Hồ sơ trực tuyến", "80% hồ sơ", "86% hồ sơ", "107%"],
        ]),
        (
            "Phát biểu kết luận, đồng chí Bí thư Đảng ủy đề nghị các chi bộ tập trung hoàn thành "
            "các chỉ tiêu còn đạt thấp, nhất là thu ngân sách và phát triển đảng viên. Mỗi cán "
            "bộ, đảng viên phải nêu cao tinh thần trách nhiệm, nói đi đôi với làm. Các khu phố "
            "cần chủ động rà soát, nắm chắc tình hình dân cư, giải quyết kịp thời những kiến "
            "nghị chính đáng của nhân dân ngay từ cơ sở."
        ),
    ],
    quote="Mỗi cán bộ, đảng viên phải nêu cao tinh thần trách nhiệm, nói đi đôi với làm.",
    caption="Ảnh: Quang cảnh hội nghị sơ kết 9 tháng đầu năm 2025",
)

_add(
    "nq57",
    titles=[
        "Học tập, quán triệt Nghị quyết 57-NQ/TW về đột phá phát triển khoa học, công nghệ",
        "Đưa Nghị quyết 57-NQ/TW vào cuộc sống từ mỗi chi bộ",
        "Khoa học, công nghệ và chuyển đổi số: động lực mới cho phường",
    ],
    byline="Thanh Tùng",
    lead=(
        "Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị xác định phát triển khoa "
        "học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia là đột phá quan trọng "
        "hàng đầu, là động lực chính để phát triển nhanh lực lượng sản xuất hiện đại."
    ),
    body=[
        (
            "Thực hiện kế hoạch của Đảng ủy phường, các chi bộ đã tổ chức cho đảng viên học tập "
            "nghị quyết bằng nhiều hình thức phù hợp. Bên cạnh hội nghị trực tiếp, nhiều chi bộ "
            "sử dụng nhóm trao đổi trên điện thoại để gửi tài liệu, câu hỏi gợi ý, giúp đảng "
            "viên lớn tuổi có thêm thời gian nghiên cứu."
        ),
        ("h", "Những nội dung cốt lõi"),
        (
            "Nghị quyết đặt mục tiêu đến năm 2030 tiềm lực, trình độ khoa học, công nghệ và đổi "
            "mới sáng tạo của nước ta đạt mức tiên tiến ở nhiều lĩnh vực quan trọng. Kinh tế số "
            "đạt tối thiểu 30% GDP, tỷ lệ sử dụng dịch vụ công trực tuyến của người dân và doanh "
            "nghiệp đạt trên 80%."
        ),
        (
            "Điểm mới của nghị quyết là coi thể chế là điều kiện tiên quyết, phải đi trước một "
            "bước; người dân và doanh nghiệp là trung tâm, là chủ thể; nhà khoa học là nhân tố "
            "then chốt. Nghị quyết cũng chấp nhận rủi ro, đầu tư mạo hiểm và độ trễ trong nghiên "
            "cứu khoa học."
        ),
        ("h", "Nhiệm vụ của các chi bộ"),
        ("ol", [
            "Xây dựng chương trình hành động cụ thể, phân công rõ người, rõ việc, rõ thời gian.",
            "Vận động đảng viên gương mẫu sử dụng dịch vụ công trực tuyến và thanh toán không "
            "dùng tiền mặt.",
            "Hỗ trợ người cao tuổi cài đặt, sử dụng ứng dụng định danh điện tử VNeID.",
            "Định kỳ mỗi quý đánh giá kết quả thực hiện trong buổi sinh hoạt chi bộ.",
        ]),
        (
            "Đồng chí Phó Bí thư Thường trực Đảng ủy nhấn mạnh, việc học tập nghị quyết không "
            "dừng lại ở hội nghị mà phải chuyển thành việc làm cụ thể. Chuyển đổi số không phải "
            "là việc riêng của cán bộ công nghệ thông tin mà là trách nhiệm của mỗi người. Mỗi "
            "chi bộ cần chọn ít nhất một việc làm thiết thực để triển khai ngay trong quý."
        ),
    ],
    quote="Chuyển đổi số không phải là việc riêng của cán bộ công nghệ thông tin mà là trách "
    "nhiệm của mỗi người.",
    caption="Ảnh minh họa",
)

_add(
    "chuyen_doi_so",
    titles=[
        "Tổ công nghệ số cộng đồng: cầu nối đưa dịch vụ công đến từng nhà",
        "Chuyển đổi số từ khu phố",
        "Tổ công nghệ số cộng đồng phát huy hiệu quả",
    ],
    byline="Hoài An",
    lead=(
        "Hơn một năm đi vào hoạt động, 14 tổ công nghệ số cộng đồng của phường đã trở thành "
        "người bạn đồng hành quen thuộc, giúp người dân làm quen với các tiện ích số trong "
        "đời sống hằng ngày."
    ),
    body=[
        (
            "Mỗi tổ có từ năm đến bảy thành viên, gồm trưởng khu phố, công an khu vực, đoàn viên "
            "thanh niên và những người am hiểu công nghệ. Vào tối thứ Năm hằng tuần, các tổ "
            "có mặt tại nhà văn hóa khu phố để hướng dẫn người dân nộp hồ sơ trực tuyến qua "
            "internet và thanh toán online."
        ),
        (
            "Bà Trần Thị Lan, 68 tuổi, ở khu phố 3 cho biết trước đây mỗi lần làm giấy tờ bà "
            "phải nhờ con cháu chở lên phường. Nay được các bạn trẻ hướng dẫn, bà đã tự đăng ký "
            "tạm trú cho người thân ngay trên điện thoại mà không phải đi lại."
        ),
        ("h", "Những tiện ích được hướng dẫn nhiều nhất"),
        ("ul", [
            "Kích hoạt tài khoản định danh điện tử mức độ 2 trên ứng dụng VNeID.",
            "Nộp hồ sơ đăng ký khai sinh, thường trú, tạm trú trên Cổng dịch vụ công quốc gia.",
            "Thanh toán tiền điện, tiền nước và học phí bằng mã QR.",
            "Tra cứu thông tin bảo hiểm y tế, sử dụng thẻ bảo hiểm y tế trên điện thoại.",
        ]),
        (
            "Theo thống kê của Ủy ban nhân dân phường, tỷ lệ hồ sơ thủ tục hành chính được nộp "
            "trực tuyến đã tăng từ 52% lên 86%. Thời gian chờ đợi của người dân tại bộ phận một "
            "cửa giảm rõ rệt, cán bộ có thêm thời gian để hướng dẫn những trường hợp phức tạp."
        ),
        (
            "Thời gian tới, phường sẽ tiếp tục bồi dưỡng kỹ năng cho thành viên các tổ, đồng "
            "thời tăng cường tuyên truyền về an toàn thông tin cá nhân. Người dân tuyệt đối "
            "không cung cấp mã xác thực cho bất kỳ ai, kể cả người tự xưng là cán bộ."
        ),
    ],
    quote="Người dân tuyệt đối không cung cấp mã xác thực cho bất kỳ ai, kể cả người tự xưng là "
    "cán bộ.",
    caption="Ảnh: Đoàn viên thanh niên hướng dẫn người dân cài đặt ứng dụng VNeID",
)

_add(
    "bhyt",
    titles=[
        "Bảo hiểm y tế hộ gia đình: chỗ dựa khi ốm đau",
        "Vận động người dân tham gia bảo hiểm y tế, bảo hiểm xã hội tự nguyện",
        "Đừng để đến khi ốm đau mới nghĩ đến thẻ bảo hiểm y tế",
    ],
    byline="Ngọc Hân",
    lead=(
        "Bảo hiểm y tế là chính sách an sinh xã hội quan trọng, mang ý nghĩa nhân đạo và chia "
        "sẻ cộng đồng sâu sắc. Tuy vậy, trên địa bàn phường vẫn còn gần 7% người dân chưa "
        "tham gia."
    ),
    body=[
        (
            "Qua rà soát, phần lớn người chưa có thẻ bảo hiểm y tế là lao động tự do, người buôn "
            "bán nhỏ và người mới chuyển đến sinh sống. Nhiều người còn tâm lý chủ quan, cho rằng "
            "mình còn trẻ, khỏe nên chưa cần mua thẻ."
        ),
        ("h", "Mức đóng và quyền lợi"),
        (
            "Theo quy định hiện hành, mức đóng bảo hiểm y tế hộ gia đình bằng 4,5% mức lương cơ "
            "sở đối với người thứ nhất; từ người thứ hai trở đi được giảm dần. Người tham gia "
            "được quỹ chi trả chi phí khám, chữa bệnh theo đúng phạm vi quyền lợi, kể cả những "
            "bệnh cần điều trị dài ngày với chi phí lớn."
        ),
        ("table", [
            ["Thành viên hộ gia đình", "Mức đóng so với người thứ nhất"],
            ["Người thứ nhất", "100%"],
            ["Người thứ hai", "70%"],
            ["Người thứ ba", "60%"],
            ["Người thứ tư", "50%"],
            ["Từ người thứ năm trở đi", "40%"],
        ]),
        (
            "Câu chuyện của gia đình anh Lê Văn Hùng ở khu phố 5 là minh chứng rõ nét. Năm ngoái "
            "anh phải phẫu thuật tim, tổng chi phí hơn 180 triệu đồng, quỹ bảo hiểm y tế chi trả "
            "gần 150 triệu. Anh chia sẻ, nếu không có thẻ thì gia đình không biết xoay xở ra sao."
        ),
        (
            "Các chi bộ khu phố được giao chỉ tiêu vận động cụ thể, phối hợp với Hội Liên hiệp "
            "Phụ nữ, Hội Cựu chiến binh đến từng hộ để tuyên truyền. Mua bảo hiểm y tế là cách "
            "tiết kiệm khôn ngoan nhất cho mỗi gia đình."
        ),
    ],
    quote="Mua bảo hiểm y tế là cách tiết kiệm khôn ngoan nhất cho mỗi gia đình.",
    caption="Ảnh: Cán bộ bảo hiểm xã hội tư vấn cho người dân",
)

_add(
    "pccc",
    titles=[
        "Chủ động phòng cháy, chữa cháy tại khu dân cư",
        "Không để cháy nổ xảy ra trong mùa khô",
        "Mô hình tổ liên gia an toàn phòng cháy, chữa cháy",
    ],
    byline="Đức Mạnh",
    lead=(
        "Nhà ống, nhà trọ xen lẫn với cơ sở kinh doanh là đặc điểm khiến nguy cơ cháy nổ tại "
        "các khu dân cư luôn ở mức cao. Mỗi gia đình cần chủ động phòng ngừa thay vì trông chờ "
        "vào lực lượng chức năng."
    ),
    body=[
        (
            "Từ đầu năm đến nay, trên địa bàn phường đã xảy ra 3 vụ cháy nhỏ, đều do chập điện "
            "và sơ suất khi đun nấu. Rất may các vụ cháy được phát hiện sớm, người dân tại chỗ "
            "dập tắt kịp thời nên không gây thiệt hại về người."
        ),
        (
            "Hiện phường đã thành lập 46 tổ liên gia an toàn phòng cháy, chữa cháy và 21 điểm "
            "chữa cháy công cộng. Mỗi điểm được trang bị bình chữa cháy, thang dây, búa phá "
            "khóa và được niêm yết số điện thoại báo cháy 114."
        ),
        ("h", "Những điều mỗi gia đình cần làm"),
        ("ul", [
            "Kiểm tra hệ thống điện định kỳ, không câu mắc, sử dụng quá tải.",
            "Trang bị ít nhất một bình chữa cháy và để ở nơi dễ lấy.",
            "Không để xe máy, hàng hóa dễ cháy chắn lối thoát nạn.",
            "Mở lối thoát nạn thứ hai ở ban công, tầng mái; không bịt kín bằng khung sắt.",
            "Tắt bếp, ngắt các thiết bị điện không cần thiết trước khi ra khỏi nhà và khi đi ngủ.",
        ]),
        (
            "Lực lượng công an phường sẽ tiếp tục kiểm tra các cơ sở kinh doanh có nguy cơ cháy "
            "nổ cao, kiên quyết xử lý những trường hợp vi phạm. Một bình chữa cháy giá vài trăm "
            "nghìn đồng có thể cứu cả một ngôi nhà."
        ),
    ],
    quote="Một bình chữa cháy giá vài trăm nghìn đồng có thể cứu cả một ngôi nhà.",
    caption="Ảnh: Diễn tập phương án chữa cháy tại khu phố 2",
)

_add(
    "bau_cu",
    titles=[
        "Chuẩn bị chu đáo cho cuộc bầu cử đại biểu Quốc hội khóa XVI và đại biểu HĐND các cấp",
        "Bầu cử là quyền và nghĩa vụ của mỗi công dân",
        "Hướng tới ngày hội toàn dân năm 2026",
    ],
    byline="Phương Thảo",
    lead=(
        "Cuộc bầu cử đại biểu Quốc hội khóa XVI và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ "
        "2026 - 2031 là sự kiện chính trị quan trọng của đất nước, là ngày hội của toàn dân."
    ),
    body=[
        (
            "Ngay từ những tháng cuối năm 2025, Đảng ủy phường đã ban hành kế hoạch lãnh đạo, "
            "chỉ đạo công tác bầu cử. Các chi bộ khu phố có nhiệm vụ phối hợp rà soát danh sách "
            "cử tri, bảo đảm không sót, không trùng, nhất là đối với người tạm trú."
        ),
        ("h", "Các mốc thời gian chính"),
        ("table", [
            ["Mốc thời gian", "Nội dung công việc"],
            ["Tháng 12/2025", "Thành lập các tổ chức phụ trách bầu cử"],
            ["Tháng 1/2026", "Hiệp thương, giới thiệu người ứng cử"],
            ["Tháng 2/2026", "Niêm yết danh sách cử tri và người ứng cử"],
            ["Tháng 3/2026", "Tổ chức bầu cử và công bố kết quả"],
        ]),
        (
            "Công tác tuyên truyền được xác định là nhiệm vụ quan trọng hàng đầu. Nội dung tuyên "
            "truyền tập trung vào ý nghĩa của cuộc bầu cử, quyền và nghĩa vụ của cử tri, tiêu "
            "chuẩn của người ứng cử và nguyên tắc bầu cử phổ thông, bình đẳng, trực tiếp và bỏ "
            "phiếu kín."
        ),
        (
            "Mỗi cử tri hãy tìm hiểu kỹ tiểu sử, chương trình hành động của người ứng cử để "
            "lựa chọn những người thật sự tiêu biểu về đức và tài. Lá phiếu của mỗi người góp "
            "phần xây dựng bộ máy nhà nước trong sạch, vững mạnh."
        ),
    ],
    quote="Lá phiếu của mỗi người góp phần xây dựng bộ máy nhà nước trong sạch, vững mạnh.",
    caption="Ảnh minh họa",
)

_add(
    "rac_thai",
    titles=[
        "Phân loại rác tại nguồn: việc nhỏ, ý nghĩa lớn",
        "Khu phố xanh, sạch, đẹp bắt đầu từ mỗi gia đình",
        "Chung tay bảo vệ môi trường khu dân cư",
    ],
    byline="Bảo Ngọc",
    lead=(
        "Từ tháng 7, phường triển khai thí điểm phân loại chất thải rắn sinh hoạt tại nguồn ở "
        "ba khu phố. Sau ba tháng, lượng rác phải chôn lấp giảm gần một phần tư."
    ),
    body=[
        (
            "Mỗi hộ gia đình được phát hai thùng rác có màu khác nhau, một thùng đựng rác thực "
            "phẩm, một thùng đựng rác khác. Chất thải có khả năng tái chế như giấy, chai nhựa, lon "
            "kim loại được thu gom riêng vào sáng Chủ nhật hằng tuần."
        ),
        ("h", "Cách phân loại đơn giản"),
        ("ol", [
            "Rác thực phẩm: thức ăn thừa, vỏ rau củ quả, bã chè, bã cà phê.",
            "Chất thải có khả năng tái chế: giấy, bìa các-tông, chai nhựa, lon nhôm.",
            "Chất thải rắn sinh hoạt khác: túi ni lông bẩn, sành sứ vỡ, tã giấy.",
        ]),
        (
            "Chi hội phụ nữ khu phố 4 đã sáng tạo mô hình đổi phế liệu lấy cây xanh. Số tiền bán "
            "phế liệu được dùng để mua sách vở tặng học sinh có hoàn cảnh khó khăn. Giữ gìn môi "
            "trường sạch đẹp là cách thiết thực nhất để yêu quê hương."
        ),
        (
            "Đảng ủy phường yêu cầu cán bộ, đảng viên gương mẫu thực hiện trước, vận động gia đình "
            "và hàng xóm cùng làm. Kết quả phân loại rác sẽ là một tiêu chí bình xét gia đình văn "
            "hóa cuối năm."
        ),
    ],
    quote="Giữ gìn môi trường sạch đẹp là cách thiết thực nhất để yêu quê hương.",
    caption="Ảnh: Người dân khu phố 4 phân loại rác tại nhà",
)

_add(
    "guong_cuu_chien_binh",
    titles=[
        "Người cựu chiến binh hiến đất mở đường",
        "Ông Tư hiến đất làm đường cho cả xóm",
        "Gương người tốt, việc tốt: tấm lòng của người lính già",
    ],
    byline="Văn Khánh",
    lead=(
        "Ở tuổi 76, cựu chiến binh Nguyễn Văn Tư vẫn là người đầu tiên có mặt mỗi khi khu phố "
        "có việc chung. Câu chuyện ông hiến hơn 120 mét vuông đất để mở rộng con hẻm được bà "
        "con nhắc đến nhiều lần."
    ),
    body=[
        (
            "Con hẻm dẫn vào xóm trước đây chỉ rộng hơn một mét, xe cứu thương, xe chữa cháy không "
            "thể vào được. Mỗi mùa mưa, nước ngập đến đầu gối, học sinh phải lội bộ ra đường lớn. "
            "Nhiều lần khu phố họp bàn nhưng chưa tìm được cách giải quyết."
        ),
        (
            "Sau nhiều đêm trăn trở, ông Tư bàn với vợ con tự nguyện dỡ bỏ hàng rào, hiến phần "
            "đất mặt tiền để làm đường. Thấy ông làm trước, mười một hộ khác trong hẻm cũng đồng "
            "lòng hiến đất, góp tiền, góp ngày công."
        ),
        ("h", "Con đường của lòng dân"),
        (
            "Chỉ sau bốn tháng, con đường bê tông rộng bốn mét, có hệ thống thoát nước và đèn "
            "chiếu sáng đã hoàn thành. Bà con đặt tên cho con đường là đường Đồng Lòng. Ông Tư "
            "bảo, người lính đi qua chiến tranh thì còn gì quý hơn tình làng nghĩa xóm."
        ),
        (
            "Với những đóng góp của mình, ông được Ủy ban nhân dân thành phố tặng bằng khen. Tấm "
            "gương của ông là bài học sinh động về tinh thần nêu gương của người đảng viên."
        ),
    ],
    quote="Ông Tư bảo, người lính đi qua chiến tranh thì còn gì quý hơn tình làng nghĩa xóm.",
    caption="Ảnh: Ông Nguyễn Văn Tư trên con đường Đồng Lòng",
)

_add(
    "guong_co_giao",
    titles=[
        "Cô giáo trẻ và lớp học tình thương",
        "Lớp học miễn phí mỗi tối của cô giáo Hồng",
        "Gương sáng: cô giáo của những đứa trẻ bán vé số",
    ],
    byline="Kim Liên",
    lead=(
        "Suốt sáu năm nay, cứ đến bảy giờ tối, căn phòng nhỏ của cô giáo Phạm Thu Hồng lại "
        "sáng đèn. Đó là lớp học miễn phí dành cho trẻ em có hoàn cảnh khó khăn trong khu phố."
    ),
    body=[
        (
            "Lớp học có mười tám em, nhiều em ban ngày phải phụ cha mẹ bán hàng rong, bán vé số. "
            "Cô Hồng dạy các em đọc, viết, làm toán, và quan trọng hơn là dạy cách sống tử tế, "
            "biết yêu thương, biết chia sẻ."
        ),
        (
            "Không chỉ dạy chữ, cô còn vận động các nhà hảo tâm hỗ trợ sách vở, xe đạp và học bổng "
            "cho các em. Nhờ vậy, đã có bảy em được trở lại trường học chính quy, trong đó có một "
            "em vừa đỗ vào trường trung học phổ thông."
        ),
        (
            "Chia sẻ về công việc thầm lặng của mình, cô Hồng nói: chỉ cần các em biết chữ và "
            "không bỏ cuộc là tôi vui rồi. Những việc làm bình dị ấy đã góp phần lan tỏa tinh "
            "thần tương thân tương ái trong cộng đồng."
        ),
    ],
    quote="chỉ cần các em biết chữ và không bỏ cuộc là tôi vui rồi.",
    caption="Ảnh: Cô giáo Phạm Thu Hồng và học trò",
)

_add(
    "cach_mang_thang_tam",
    titles=[
        "Tự hào 80 năm Cách mạng Tháng Tám và Quốc khánh 2/9",
        "Mùa thu lịch sử và khát vọng vươn lên",
        "Kỷ niệm 80 năm Cách mạng Tháng Tám thành công (19/8/1945 - 19/8/2025)",
    ],
    byline="Hữu Phước",
    lead=(
        "Tám mươi năm đã trôi qua, nhưng tinh thần của mùa thu năm 1945 vẫn luôn là nguồn "
        "sức mạnh to lớn, cổ vũ toàn Đảng, toàn dân ta vững bước trên con đường đổi mới và "
        "hội nhập."
    ),
    body=[
        (
            "Thắng lợi của Cách mạng Tháng Tám đã đập tan xiềng xích nô lệ, lập nên nước Việt Nam "
            "Dân chủ Cộng hòa, nhà nước công nông đầu tiên ở Đông Nam Á. Từ đây, nhân dân ta từ "
            "thân phận nô lệ trở thành người làm chủ đất nước, làm chủ vận mệnh của mình."
        ),
        (
            "Bài học về phát huy sức mạnh đại đoàn kết toàn dân tộc, về nắm bắt thời cơ, chớp "
            "thời cơ của Cách mạng Tháng Tám vẫn còn nguyên giá trị. Đó là bài học quý báu cho "
            "công cuộc xây dựng và bảo vệ Tổ quốc hôm nay."
        ),
        ("h", "Nhiều hoạt động kỷ niệm ý nghĩa"),
        (
            "Hưởng ứng đợt thi đua cao điểm, phường đã tổ chức hội thi tìm hiểu lịch sử địa "
            "phương, giải bóng đá thiếu niên, trao tặng mười hai căn nhà tình nghĩa và thăm hỏi "
            "các gia đình chính sách. Các khu phố đồng loạt treo cờ Tổ quốc, chỉnh trang đường "
            "phố sạch, đẹp."
        ),
        (
            "Phát huy truyền thống vẻ vang, mỗi cán bộ, đảng viên và nhân dân trong phường nguyện "
            "ra sức thi đua, góp phần đưa đất nước bước vào kỷ nguyên vươn mình của dân tộc."
        ),
    ],
    quote="Đó là bài học quý báu cho công cuộc xây dựng và bảo vệ Tổ quốc hôm nay.",
    caption="Ảnh: Lễ chào cờ kỷ niệm 80 năm Quốc khánh tại phường",
)

_add(
    "dai_hoi_dang_bo",
    titles=[
        "Đại hội Đảng bộ phường lần thứ I, nhiệm kỳ 2025 - 2030 thành công tốt đẹp",
        "Đại hội của đoàn kết, dân chủ, kỷ cương, đổi mới",
        "Dấu ấn Đại hội Đảng bộ phường nhiệm kỳ 2025 - 2030",
    ],
    byline="Ban Tuyên giáo và Dân vận",
    lead=(
        "Với tinh thần đoàn kết, dân chủ, kỷ cương, đổi mới, Đại hội đại biểu Đảng bộ phường "
        "lần thứ I đã hoàn thành toàn bộ nội dung, chương trình đề ra."
    ),
    body=[
        (
            "Đại hội đã thảo luận, thông qua báo cáo chính trị, xác định mục tiêu tổng quát là "
            "xây dựng Đảng bộ và hệ thống chính trị trong sạch, vững mạnh; phát triển phường "
            "văn minh, hiện đại, nghĩa tình; nâng cao chất lượng cuộc sống của nhân dân."
        ),
        ("h", "Ba khâu đột phá"),
        ("ol", [
            "Cải cách hành chính gắn với chuyển đổi số trong hoạt động của hệ thống chính trị.",
            "Chỉnh trang đô thị, phát triển hạ tầng giao thông và thoát nước.",
            "Xây dựng đội ngũ cán bộ dám nghĩ, dám làm, dám chịu trách nhiệm vì lợi ích chung.",
        ]),
        (
            "Đại hội đã bầu Ban Chấp hành Đảng bộ phường nhiệm kỳ 2025 - 2030 gồm 19 đồng chí và "
            "bầu đoàn đại biểu dự Đại hội Đảng bộ thành phố. Ngay sau đó, Ban Chấp hành đã họp "
            "phiên thứ nhất, bầu Ban Thường vụ, Bí thư và các Phó Bí thư."
        ),
        (
            "Phát biểu bế mạc, đồng chí Bí thư Đảng ủy phường khẳng định thành công của đại hội "
            "là niềm tin, là động lực để toàn Đảng bộ vững bước trong chặng đường mới. Nghị quyết "
            "đại hội chỉ thực sự đi vào cuộc sống khi mỗi đảng viên hành động quyết liệt."
        ),
    ],
    quote="Nghị quyết đại hội chỉ thực sự đi vào cuộc sống khi mỗi đảng viên hành động quyết "
    "liệt.",
    caption="Ảnh: Ban Chấp hành Đảng bộ phường nhiệm kỳ 2025 - 2030 ra mắt đại hội",
)

_add(
    "sinh_hoat_chi_bo",
    titles=[
        "Nâng cao chất lượng sinh hoạt chi bộ khu dân cư",
        "Để mỗi buổi sinh hoạt chi bộ thật sự có chất lượng",
        "Sinh hoạt chi bộ: không hình thức, không đơn điệu",
    ],
    byline="Quốc Bảo",
    lead=(
        "Sinh hoạt chi bộ là hoạt động thường xuyên, là nơi mỗi đảng viên được rèn luyện, "
        "tu dưỡng. Chất lượng sinh hoạt chi bộ quyết định trực tiếp đến năng lực lãnh đạo và "
        "sức chiến đấu của tổ chức đảng."
    ),
    body=[
        (
            "Thực tế ở một số chi bộ, nội dung sinh hoạt còn nặng về thông báo tình hình, ít "
            "thảo luận; việc tự phê bình và phê bình chưa được chú trọng. Có đảng viên tham gia "
            "sinh hoạt cho có mặt, ít phát biểu, ngại va chạm."
        ),
        ("h", "Chuẩn bị kỹ nội dung"),
        (
            "Kinh nghiệm của Chi bộ khu phố 6 cho thấy, trước mỗi kỳ sinh hoạt, chi ủy họp để "
            "thống nhất nội dung và gửi trước cho đảng viên. Mỗi quý chi bộ chọn một chuyên đề "
            "gắn với vấn đề bức xúc của khu dân cư như an ninh trật tự, vệ sinh môi trường."
        ),
        ("h", "Phát huy dân chủ trong sinh hoạt"),
        (
            "Người chủ trì cần khơi gợi để mọi đảng viên mạnh dạn phát biểu, kể cả ý kiến trái "
            "chiều. Nghị quyết của chi bộ phải ngắn gọn, rõ việc, rõ người phụ trách và được kiểm "
            "tra ở kỳ sinh hoạt sau."
        ),
        ("ul", [
            "Đảng viên đến đúng giờ, mặc trang phục lịch sự.",
            "Mỗi đảng viên chuẩn bị ít nhất một ý kiến đóng góp.",
            "Ghi biên bản đầy đủ, trung thực.",
        ]),
        (
            "Sinh hoạt chi bộ có chất lượng là nền tảng để chi bộ thật sự là hạt nhân chính trị "
            "ở cơ sở, gần dân, hiểu dân và được dân tin yêu."
        ),
    ],
    quote="Nghị quyết của chi bộ phải ngắn gọn, rõ việc, rõ người phụ trách và được kiểm tra ở "
    "kỳ sinh hoạt sau.",
    caption="Ảnh: Một buổi sinh hoạt chuyên đề của Chi bộ khu phố 6",
)

_add(
    "sot_xuat_huyet",
    titles=[
        "Chủ động phòng, chống sốt xuất huyết trong mùa mưa",
        "Diệt lăng quăng, phòng sốt xuất huyết",
        "Mỗi tuần một lần diệt lăng quăng",
    ],
    byline="Trạm Y tế phường",
    lead=(
        "Mùa mưa là thời điểm muỗi vằn sinh sản mạnh. Từ đầu năm, phường ghi nhận 27 ca mắc sốt "
        "xuất huyết, tăng so với cùng kỳ năm trước."
    ),
    body=[
        (
            "Trạm Y tế phường đã phối hợp với các khu phố tổ chức ba đợt chiến dịch diệt lăng "
            "quăng, phun hóa chất tại các điểm có ca bệnh. Tuy nhiên, biện pháp hiệu quả nhất vẫn "
            "là mỗi gia đình tự kiểm tra, loại bỏ nơi muỗi đẻ trứng."
        ),
        ("ul", [
            "Đậy kín các dụng cụ chứa nước, thả cá diệt lăng quăng vào bể lớn.",
            "Thu gom, hủy bỏ vỏ chai, lốp xe cũ và các vật dụng có thể đọng nước.",
            "Ngủ màn kể cả ban ngày, mặc quần áo dài tay.",
        ]),
        (
            "Khi có biểu hiện sốt cao đột ngột, đau đầu, đau mỏi người, người bệnh cần đến cơ sở "
            "y tế để được khám và theo dõi. Tuyệt đối không tự ý truyền dịch tại nhà."
        ),
    ],
    quote="Tuyệt đối không tự ý truyền dịch tại nhà.",
    caption="Ảnh minh họa",
)

_add(
    "lua_dao_mang",
    titles=[
        "Cảnh giác với các thủ đoạn lừa đảo qua mạng",
        "Những chiêu lừa đảo trực tuyến người dân cần biết",
        "Tỉnh táo trước cuộc gọi lạ",
    ],
    byline="Công an phường",
    lead=(
        "Chỉ trong quý III, Công an phường đã tiếp nhận 11 tin báo về lừa đảo chiếm đoạt tài "
        "sản qua mạng internet, tổng số tiền bị chiếm đoạt hơn 900 triệu đồng."
    ),
    body=[
        (
            "Các đối tượng thường giả danh cán bộ công an, nhân viên ngân hàng, nhân viên điện "
            "lực để gọi điện, nhắn tin đe dọa hoặc dụ dỗ. Chúng yêu cầu nạn nhân cài đặt ứng "
            "dụng lạ trên smartphone, bấm vào đường link, đăng nhập internet banking hoặc "
            "chuyển tiền vào tài khoản để xác minh."
        ),
        ("h", "Dấu hiệu nhận biết"),
        ("ul", [
            "Cuộc gọi video qua Zalo, Facebook, Messenger của người xưng là cán bộ cơ quan nhà "
            "nước.",
            "Tin nhắn có đường link lạ mời nhận quà, hoàn tiền, cập nhật thông tin tài khoản.",
            "Lời mời làm việc online, làm nhiệm vụ nhận hoa hồng cao.",
            "Yêu cầu cung cấp mã OTP, mật khẩu hoặc quét mã QR không rõ nguồn gốc.",
        ]),
        (
            "Cơ quan công an không làm việc với người dân qua điện thoại hay mạng xã hội. Khi "
            "nghi ngờ bị lừa đảo, người dân cần liên hệ ngay với ngân hàng để phong tỏa tài "
            "khoản và trình báo cơ quan công an gần nhất."
        ),
        (
            "Mỗi đảng viên, đoàn viên hãy là một tuyên truyền viên, nhắc nhở người thân, nhất là "
            "người cao tuổi, cẩn trọng khi lướt Facebook, Zalo hay mua sắm online trên internet. "
            "Một phút cảnh giác có thể giữ được tài sản của cả gia đình."
        ),
    ],
    quote="Cơ quan công an không làm việc với người dân qua điện thoại hay mạng xã hội.",
    caption="Ảnh: Công an phường tuyên truyền phòng chống lừa đảo tại chợ",
)

_add(
    "hoc_tap_bac_ho",
    titles=[
        "Học tập và làm theo Bác từ những việc làm nhỏ",
        "Lan tỏa những tấm gương bình dị làm theo lời Bác",
        "Làm theo Bác: bắt đầu từ việc nhỏ, việc cụ thể",
    ],
    byline="Thu Trang",
    lead=(
        "Việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh ở phường đã trở "
        "thành nền nếp, gắn với việc thực hiện nhiệm vụ chính trị của từng cơ quan, đơn vị."
    ),
    body=[
        (
            "Mỗi năm, các chi bộ đăng ký một việc làm cụ thể để làm theo Bác. Có chi bộ đăng ký "
            "xây dựng tuyến đường hoa, có chi bộ nhận đỡ đầu học sinh nghèo, có chi bộ vận động "
            "xóa những điểm tập kết rác tự phát."
        ),
        (
            "Tại bộ phận một cửa, cán bộ công chức thực hiện phương châm bốn xin, bốn luôn. Nhiều "
            "người dân đến làm thủ tục đã gửi lời cảm ơn vì thái độ tận tình, chu đáo của cán bộ. "
            "Làm theo Bác không phải là điều gì xa xôi mà bắt đầu từ chính công việc hằng ngày."
        ),
        (
            "Thời gian tới, Đảng ủy phường tiếp tục biểu dương, nhân rộng các điển hình tiên tiến "
            "và đưa kết quả làm theo Bác vào đánh giá, xếp loại đảng viên cuối năm."
        ),
    ],
    quote="Làm theo Bác không phải là điều gì xa xôi mà bắt đầu từ chính công việc hằng ngày.",
    caption="Ảnh minh họa",
)

_add(
    "chinh_quyen_hai_cap",
    titles=[
        "Chính quyền địa phương hai cấp: gần dân hơn, phục vụ tốt hơn",
        "Vận hành mô hình chính quyền địa phương hai cấp",
        "Ba tháng vận hành chính quyền hai cấp",
    ],
    byline="Hồng Nhung",
    lead=(
        "Từ ngày 1/7/2025, mô hình chính quyền địa phương hai cấp chính thức đi vào hoạt động. "
        "Sau ba tháng, bộ máy của phường đã vận hành thông suốt, người dân đánh giá cao."
    ),
    body=[
        (
            "Trung tâm phục vụ hành chính công của phường được bố trí tại trụ sở mới, có khu vực "
            "chờ rộng rãi, máy lấy số tự động và nhân viên hướng dẫn. Mỗi ngày trung tâm tiếp "
            "nhận từ 120 đến 150 hồ sơ các loại."
        ),
        (
            "Nhiều thủ tục trước đây phải qua cấp quận nay được giải quyết ngay tại phường, rút "
            "ngắn đáng kể thời gian đi lại. Đội ngũ cán bộ được sắp xếp phù hợp với năng lực, "
            "tinh thần trách nhiệm được nâng lên."
        ),
        (
            "Bên cạnh kết quả đạt được, vẫn còn một số khó khăn về hạ tầng công nghệ thông tin, "
            "về kết nối dữ liệu giữa các phần mềm chuyên ngành. Phường đã kiến nghị cấp trên sớm "
            "tháo gỡ để phục vụ người dân tốt hơn."
        ),
    ],
    quote="Nhiều thủ tục trước đây phải qua cấp quận nay được giải quyết ngay tại phường, rút "
    "ngắn đáng kể thời gian đi lại.",
    caption="Ảnh: Trung tâm phục vụ hành chính công phường",
)

_add(
    "mat_tran_95",
    titles=[
        "95 năm Ngày truyền thống Mặt trận Tổ quốc Việt Nam",
        "Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư",
        "Ấm áp Ngày hội Đại đoàn kết toàn dân tộc",
    ],
    byline="Ủy ban MTTQ phường",
    lead=(
        "Hướng tới kỷ niệm 95 năm Ngày thành lập Mặt trận Dân tộc thống nhất Việt Nam "
        "(18/11/1930 - 18/11/2025), các khu dân cư trong phường đồng loạt tổ chức Ngày hội Đại "
        "đoàn kết toàn dân tộc."
    ),
    body=[
        (
            "Ngày hội năm nay được tổ chức theo hướng thiết thực, tiết kiệm, tập trung vào phần "
            "sinh hoạt cộng đồng. Các khu phố tổ chức bữa cơm đoàn kết, văn nghệ, thi đấu thể "
            "thao và biểu dương các gia đình văn hóa tiêu biểu."
        ),
        (
            "Tại ngày hội, Ủy ban Mặt trận Tổ quốc phường đã trao tặng 35 phần quà cho hộ nghèo, "
            "hộ cận nghèo và trao kinh phí hỗ trợ sửa chữa hai căn nhà đại đoàn kết. Không khí "
            "ngày hội đầm ấm, nghĩa tình."
        ),
        (
            "Ngày hội là dịp để cấp ủy, chính quyền lắng nghe ý kiến của nhân dân, củng cố mối "
            "quan hệ máu thịt giữa Đảng với nhân dân, khơi dậy tinh thần tự quản ở cộng đồng."
        ),
    ],
    quote="Không khí ngày hội đầm ấm, nghĩa tình.",
    caption="Ảnh: Bữa cơm đoàn kết tại khu phố 1",
)

_add(
    "an_toan_giao_thong",
    titles=[
        "Đội mũ bảo hiểm đúng cách cho trẻ em",
        "An toàn giao thông cho học sinh khi đến trường",
        "Cổng trường an toàn giao thông",
    ],
    byline="Minh Khôi",
    lead=(
        "Năm học mới bắt đầu, lượng phương tiện trên các tuyến đường gần trường học tăng cao "
        "vào giờ tan học. Bảo đảm an toàn giao thông cho học sinh là trách nhiệm chung."
    ),
    body=[
        (
            "Phường đã phối hợp với các trường học triển khai mô hình cổng trường an toàn giao "
            "thông. Phụ huynh dừng xe đúng nơi quy định, không đỗ xe dưới lòng đường, đội mũ bảo "
            "hiểm cho con khi đi xe máy."
        ),
        (
            "Đoàn thanh niên phường thành lập đội thanh niên tình nguyện hỗ trợ điều tiết giao "
            "thông vào giờ cao điểm. Sau một tháng, tình trạng ùn tắc trước cổng trường giảm rõ "
            "rệt, phụ huynh và nhà trường đều đồng tình."
        ),
    ],
    quote="Phụ huynh dừng xe đúng nơi quy định, không đỗ xe dưới lòng đường, đội mũ bảo hiểm "
    "cho con khi đi xe máy.",
    caption="Ảnh minh họa",
)

# Paragraphs made for the "real hyphen of a document code at a line end" case. The builder
# picks the variant and a first-line indent that make a line end right after "57-".
_CODE_TAIL = (
    "NQ/TW của Bộ Chính trị với 5 nhóm nhiệm vụ, 22 nội dung cụ thể, giao cho từng chi bộ và "
    "đoàn thể tổ chức thực hiện, định kỳ báo cáo kết quả hằng quý."
)
CODE_PARAGRAPH_VARIANTS = [
    "Đảng ủy phường đã ban hành kế hoạch hành động thực hiện Nghị quyết số 57-" + _CODE_TAIL,
    "Ngay sau hội nghị, Đảng ủy phường đã ban hành kế hoạch hành động thực hiện Nghị quyết "
    "số 57-" + _CODE_TAIL,
    "Ngay sau hội nghị quán triệt, Đảng ủy phường đã ban hành kế hoạch thực hiện Nghị quyết "
    "số 57-" + _CODE_TAIL,
    "Để cụ thể hóa, Đảng ủy phường đã ban hành kế hoạch thực hiện Nghị quyết số 57-"
    + _CODE_TAIL,
    "Sau hội nghị, Ban Thường vụ Đảng ủy phường đã ban hành kế hoạch hành động thực hiện Nghị "
    "quyết số 57-" + _CODE_TAIL,
    "Để đưa nghị quyết vào cuộc sống, Đảng ủy phường đã ban hành kế hoạch hành động thực hiện "
    "Nghị quyết số 57-" + _CODE_TAIL,
]
CODE_PARAGRAPH = CODE_PARAGRAPH_VARIANTS[0]


def heard_rows(rows: list[list[str]]) -> list[str]:
    """A table as a listener hears it (every table here has a header over two rows or more):
    each data row's label, then each other cell after its column's header; the header row
    itself is not read, each cell carries it."""
    header, *data = rows
    return [", ".join([row[0], *(f"{head}: {cell}" for head, cell in
                                 zip(header[1:], row[1:], strict=True))]) for row in data]


def paragraphs(article: dict, *, max_blocks: int | None = None, extra_first: str | None = None,
               printed: bool = False) -> list[str]:
    """Truth paragraphs of an article: lead, then body blocks in order. `printed`: each table
    row as printed (its cells joined by ", ", the header row too), not as it is heard."""
    out = [article["lead"]]
    if extra_first:
        out.append(extra_first)
    body = article["body"] if max_blocks is None else article["body"][:max_blocks]
    for block in body:
        if isinstance(block, str):
            out.append(block)
        elif block[0] == "h":
            out.append(block[1])
        elif block[0] == "ul":
            out.extend(block[1])
        elif block[0] == "ol":
            out.extend(f"{i}. {item}" for i, item in enumerate(block[1], 1))
        elif block[0] == "table":
            out.extend([", ".join(row) for row in block[1]] if printed
                       else heard_rows(block[1]))
        else:
            raise ValueError(block)
    return out


def _self_check() -> None:
    for key, art in ARTICLES.items():
        body_text = " ".join(b for b in art["body"] if isinstance(b, str))
        assert art["quote"] in body_text, key


_self_check()
