"""About 1 MB of realistic bulletin text is read whole: no digit reaches the voice and every
sentence becomes an utterance. How fast is measured by bench/run.py, not here."""

from tts_pipeline.reading import normalize, read_chapter, split_sentences

PARAGRAPH = (
    "Ngày 5-8-2025, UBND phường tổ chức hội nghị sơ kết 6 tháng đầu năm 2025, triển khai "
    "nhiệm vụ 6 tháng cuối năm. Đồng chí Nguyễn Văn Hùng, Bí thư Đảng ủy phường, chủ trì hội "
    "nghị. Theo báo cáo, tổng thu ngân sách đạt 13,5 tỷ đồng, bằng 125,8% dự toán; 1.250 hộ "
    "gia đình được cấp GCNQSDĐ. Thực hiện Nghị quyết 57-NQ/TW và Kế hoạch số 34-KH/ĐU, phường "
    "đã tổ chức 15 lớp tập huấn về CĐS cho 1.200 lượt CBCCVC. Từ 7h30 đến 11h30 ngày 15/8, tại "
    "NVH TDP số 3 diễn ra Đại hội MTTQ lần thứ XIII, nhiệm kỳ 2025-2030. Mọi thông tin xin liên "
    "hệ đường dây nóng 0912 345 678 hoặc 024.3856.1234. Quý III/2025, phường phấn đấu đạt tỷ lệ "
    "95% hộ dân tham gia BHYT; 2/3 số hộ đã cài đặt ứng dụng VNeID. Các tổ dân phố tiếp tục "
    "tuyên truyền, vận động nhân dân thực hiện tốt nếp sống văn minh đô thị, giữ gìn vệ sinh "
    "môi trường, phòng chống dịch bệnh và bảo đảm an ninh trật tự trên địa bàn.\n"
)
ONE_MB = PARAGRAPH * (1_000_000 // len(PARAGRAPH.encode()) + 1)


def test_normalize_one_megabyte() -> None:
    spoken = normalize(ONE_MB)
    assert spoken and not any(c.isdigit() for c in spoken)


def test_read_chapter_one_megabyte() -> None:
    paragraphs = ONE_MB.splitlines()
    utterances = read_chapter("Bản tin", paragraphs)
    assert len(utterances) >= 1 + sum(len(split_sentences(p)) for p in paragraphs)
