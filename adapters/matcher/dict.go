package matcher

import "strings"

// DefaultSynonyms maps words of product names to the recipe key they sell:
// spelling variants (케찹), trade names (햇반, 스팸, 크래미), cuts of meat
// (삼겹살 → 돼지고기), and forms the mall writes differently from recipes
// (깐마늘 → 마늘, 건고추 → 마른고추). Where recipes use two spellings of one
// thing, products fold to the one recipes use most (달걀 → 계란, 소고기 →
// 쇠고기). The caller owns the returned map.
func DefaultSynonyms() map[string]string {
	m := make(map[string]string, 256)
	for _, line := range strings.Split(synonymTable, "\n") {
		key, words, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		for _, w := range strings.Fields(words) {
			m[w] = strings.TrimSpace(key)
		}
	}
	return m
}

// key: surface words. Multi-word surfaces are written joined, as the matcher
// joins adjacent tokens (한우 다짐육 → 한우다짐육).
const synonymTable = `
계란: 달걀 유정란 무정란 특란 대란 왕란 중란 생란 목초란 신선란 영양란 자연란 청란 백색란 갈색란
쇠고기: 소고기 한우 우육 육우 차돌박이 차돌 척아이롤 척롤 부채살 채끝 꽃등심 우둔 홍두깨 설도 살치살 업진살 치마살 갈비살 토시살 안창살 제비추리 아롱사태 사태 목심 소불고기감
돼지고기: 돼지 한돈 돈육 삼겹살 삼겹 오겹살 오겹 목살 앞다리살 뒷다리살 항정살 가브리살 갈매기살 꼬들살
돼지고기안심: 돼지안심 한돈안심 돈안심
돼지등갈비: 등갈비
돼지갈비: 한돈갈비
다진쇠고기: 한우다짐육 소고기다짐육 쇠고기다짐육 소다짐육 다진소고기 한우다진고기
다진돼지고기: 돼지고기다짐육 돼지다짐육 한돈다짐육 돈육다짐육
양지머리: 양지
닭: 생닭 영계 통닭 삼계닭
닭다리: 닭다리살 닭북채
닭봉: 닭날개 닭윙
닭안심: 닭안심살
닭고기: 닭정육
게: 대게 홍게
조기: 굴비
북어: 황태 황태채 먹태
쭈꾸미: 주꾸미
오징어채: 진미채 진미오징어채
마른오징어: 건오징어
마른새우: 건새우
말린표고버섯: 건표고 건표고버섯 말린표고
표고버섯: 표고 생표고
느타리버섯: 느타리 애느타리
팽이버섯: 팽이
새송이버섯: 새송이
양송이버섯: 양송이
버섯: 백만송이버섯 만가닥버섯
마늘: 깐마늘 알마늘
마늘종: 마늘쫑
마른고추: 건고추 태양초건고추
고춧가루: 고추가루
절인배추: 절임배추
총각무: 알타리무 알타리
신김치: 묵은지 묵은김치
김밥용김: 김밥김
쌀: 백미 햅쌀
보리: 보리쌀 늘보리
서리태콩: 서리태
메주콩: 백태
밀가루: 중력분 박력분
국수: 중면
칼국수면: 칼국수사리 생칼국수
우동면: 우동사리
냉면: 냉면사리
쌀국수: 쌀국수면
밥: 햇반 즉석밥 백미밥
식용유: 콩기름 카놀라유 해바라기유 옥수수유 현미유 대두유
올리브오일: 올리브유
토마토케첩: 케첩 케찹 케챂 토마토케찹 토마토케챂
머스터드: 머스타드
허니머스터드: 허니머스타드 허니머스타드소스 허니머스터드소스
마요네즈: 마요네스
토마토소스: 토마토파스타소스 토마토스파게티소스
매실액: 매실청 매실액기스 매실엑기스 매실원액
물엿: 올리고당
소금: 천일염 토판염 죽염 자염
황설탕: 갈색설탕
계핏가루: 계피가루 시나몬가루 시나몬파우더
조미료: 다시다 산들애
청정원맛선생: 맛선생
돈까스소스: 돈가스소스
검은깨: 검정깨
시금치: 포항초 섬초
돛나물: 돌나물 돈나물
잔멸치: 세멸치
비엔나소시지: 비엔나
녹차분말: 녹차가루
샐러리: 셀러리
컬리플라워: 콜리플라워
후루츠칵테일: 후르츠칵테일
크림수프: 크림스프
게맛살: 크래미 대게맛살
햄: 스팸 리챔
프랑크소시지: 후랑크소시지
시래기: 무청
호박: 주키니 돼지호박
`

// markers are words that, at the head of a name, make it not a raw
// ingredient. They override recipe keys of the same spelling.
var markers = func() map[string]class {
	m := map[string]class{}
	for c, words := range map[class]string{
		prepared: `밀키트 키트 쿠킹박스 도시락 반찬 볶음 조림 무침 장아찌 절임 젓갈 찌개 국 탕 죽 찜 전골 전
			부침개 튀김 구이 볶음밥 비빔밥 김밥 주먹밥 덮밥 컵밥 컵반 초밥 만두 교자 딤섬 돈까스 돈가스
			까스 커틀릿 너겟 치킨 핫도그 피자 버거 샌드위치 샐러드 떡볶이 라볶이 떡갈비 불고기 제육
			닭갈비 닭강정 강정 족발 보쌈 순대 편육 곰탕 짜장 짬뽕 물냉면 비빔냉면 비빔면 우동 잡채 파전
			동그랑땡 완자 미트볼 함박 게장 새우장 장조림 냉동만두 육회 육개장 고기산적 계란후라이
			삶은계란 구운계란 구운란 반숙란 훈제란 맥반석란 인절미 찹쌀떡 꿀떡 송편 백설기 약밥 약식
			군고구마 군밤 맛밤 찐옥수수 말랭이 쌈무 양파링 소시지 흑마늘 스프 수프 알밥
			시루떡 술떡 바람떡 절편 꿀설기 무지개떡
			과자 스낵 쿠키 케이크 빵 젤리 사탕 껌 아이스크림 푸딩 양갱 약과 한과 잼 시리얼
			즙 주스 쥬스 음료 커피 차 라떼 탄산수 사이다 콜라 생수 워터 홍삼 홍삼정 진액 엑기스
			비타민 유산균 영양제 환 청 두유 요거트 요구르트 가루 분말`,
		nonFood: `키친타월 타월 타올 휴지 화장지 티슈 물티슈 수세미 행주 프라이팬 팬 냄비 웍 뚝배기 주전자
			세제 세정제 주걱 뒤집개 국자 집게 가위 칼 식도 도마 지퍼백 위생백 비닐백 비닐 봉투 장갑 호일
			랩 크린랩 용기 밀폐용기 보관용기 보관함 채반 소쿠리 믹싱볼 그릇 접시 컵 종이컵 은박컵
			수저 젓가락 숟가락 포크 이쑤시개 꼬치 숯 참숯 번개탄 건전지 샴푸 린스 치약 칫솔 비누
			섬유유연제 방향제 탈취제 매트 다지기 채칼 강판 필러 거름망 트레이 텀블러 물병 청소포
			쓰레기봉투 사료 기저귀 마스크 무명실 배주머니 쌀통 김치통 반찬통 양념통`,
		other: `방울양배추 현미 흑미 귀리 로메인 메추리알 샤인머스캣 깍두기 오이지 톳 꼬막`,
	} {
		for _, w := range strings.Fields(words) {
			m[w] = c
		}
	}
	return m
}()

// blocked recipe keys are never an answer: nobody buys water to cook with,
// and these would otherwise match as the tail of unrelated words (해물, 생물).
var blocked = map[string]bool{
	"물": true, "찬물": true, "얼음물": true, "얼음": true, "쌀뜨물": true, "녹말물": true,
	"팥삶은물": true, "다시마우린물": true, "육수용물": true, "다시물": true, "멸치다시물": true,
}

// tailSyllables are one-syllable keys that may end a longer word and still
// be the thing sold (세척무, 신고배, 재래김, 공주밤, 토종닭, 마늘햄, 잡곡밥,
// 떡볶이떡; the dishes among them are markers: 볶음밥, 찹쌀떡). Other
// one-syllable keys (양, 조, 술, 게, 밥, 떡 …) match only as a whole word:
// 모양, 사조, 미술 are not food.
var tailSyllables = map[string]bool{
	"무": true, "배": true, "김": true, "쌀": true, "굴": true, "콩": true, "팥": true, "밤": true,
	"잣": true, "닭": true, "꿀": true, "파": true, "깨": true, "쑥": true, "갓": true, "햄": true,
	"밥": true, "떡": true,
}

// generic keys name a kind of thing; a more specific word just before them
// is what the product is (허니 머스타드 소스).
var generic = map[string]bool{"소스": true, "양념": true, "기름": true}

// neutral words are never the head although they end like one: origin of
// the beans (국산콩 두부), country names (ending in 국), marketing words
// (ending in 전).
var neutral = map[string]bool{
	"국산콩": true, "국내산콩": true, "수입콩": true, "한국": true, "중국": true,
	"미국": true, "태국": true, "영국": true, "전국": true, "완전": true, "안전": true, "특전": true,
}

// prepPrefixes qualify a meat or fish as marinated or smoked: ready to eat,
// not a raw ingredient (양념 돼지갈비, 훈제 삼겹살, 맥반석 계란). 훈제 and
// 맥반석 also do so after the head (닭가슴살 슬라이스 훈제).
var prepPrefixes = []string{"양념", "훈제", "맥반석"}

// formTails end a word with the form or cut of what it names; a word the
// dictionary does not know is tried again without them (홍합살, 연근채).
var formTails = []string{"슬라이스", "필렛", "큐브", "토막", "몸통", "정육", "살", "채"}

// petWords anywhere in a name make it pet food.
var petWords = []string{"강아지", "고양이", "반려견", "반려묘", "애견", "애묘", "펫"}
