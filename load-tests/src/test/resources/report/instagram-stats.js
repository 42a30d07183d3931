var stats = {
    type: "GROUP",
name: "All Requests",
path: "",
pathFormatted: "group_missing-name--1146707516",
stats: {
    "name": "All Requests",
    "numberOfRequests": {
        "total": "5351",
        "ok": "5346",
        "ko": "5"
    },
    "minResponseTime": {
        "total": "1",
        "ok": "1",
        "ko": "20"
    },
    "maxResponseTime": {
        "total": "1905",
        "ok": "1905",
        "ko": "473"
    },
    "meanResponseTime": {
        "total": "34",
        "ok": "34",
        "ko": "193"
    },
    "standardDeviation": {
        "total": "109",
        "ok": "109",
        "ko": "172"
    },
    "percentiles1": {
        "total": "12",
        "ok": "12",
        "ko": "153"
    },
    "percentiles2": {
        "total": "100",
        "ok": "100",
        "ko": "473"
    },
    "percentiles3": {
        "total": "485",
        "ok": "484",
        "ko": "473"
    },
    "percentiles4": {
        "total": "1480",
        "ok": "1480",
        "ko": "473"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 5317,
    "percentage": 99.36460474677631
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 13,
    "percentage": 0.24294524387964864
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 16,
    "percentage": 0.29900953092879834
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 5,
    "percentage": 0.0934404784152495
},
    "meanNumberOfRequestsPerSecond": {
        "total": "44.59",
        "ok": "44.55",
        "ko": "0.04"
    }
},
contents: {
"req_warm-up-get--ap--978858309": {
        type: "REQUEST",
        name: "warm-up GET /api/feed",
path: "warm-up GET /api/feed",
pathFormatted: "req_warm-up-get--ap--978858309",
stats: {
    "name": "warm-up GET /api/feed",
    "numberOfRequests": {
        "total": "507",
        "ok": "507",
        "ko": "0"
    },
    "minResponseTime": {
        "total": "5",
        "ok": "5",
        "ko": "-"
    },
    "maxResponseTime": {
        "total": "1905",
        "ok": "1905",
        "ko": "-"
    },
    "meanResponseTime": {
        "total": "85",
        "ok": "85",
        "ko": "-"
    },
    "standardDeviation": {
        "total": "231",
        "ok": "231",
        "ko": "-"
    },
    "percentiles1": {
        "total": "26",
        "ok": "26",
        "ko": "-"
    },
    "percentiles2": {
        "total": "290",
        "ok": "290",
        "ko": "-"
    },
    "percentiles3": {
        "total": "1396",
        "ok": "1396",
        "ko": "-"
    },
    "percentiles4": {
        "total": "1905",
        "ok": "1905",
        "ko": "-"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 491,
    "percentage": 96.84418145956607
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 7,
    "percentage": 1.3806706114398422
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 9,
    "percentage": 1.7751479289940828
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 0,
    "percentage": 0.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "4.22",
        "ok": "4.22",
        "ko": "-"
    }
}
    },"req_warm-up-post--a-1694769346": {
        type: "REQUEST",
        name: "warm-up POST /api/posts (text)",
path: "warm-up POST /api/posts (text)",
pathFormatted: "req_warm-up-post--a-1694769346",
stats: {
    "name": "warm-up POST /api/posts (text)",
    "numberOfRequests": {
        "total": "31",
        "ok": "31",
        "ko": "0"
    },
    "minResponseTime": {
        "total": "12",
        "ok": "12",
        "ko": "-"
    },
    "maxResponseTime": {
        "total": "1625",
        "ok": "1625",
        "ko": "-"
    },
    "meanResponseTime": {
        "total": "200",
        "ok": "200",
        "ko": "-"
    },
    "standardDeviation": {
        "total": "395",
        "ok": "395",
        "ko": "-"
    },
    "percentiles1": {
        "total": "51",
        "ok": "51",
        "ko": "-"
    },
    "percentiles2": {
        "total": "1340",
        "ok": "1340",
        "ko": "-"
    },
    "percentiles3": {
        "total": "1625",
        "ok": "1625",
        "ko": "-"
    },
    "percentiles4": {
        "total": "1625",
        "ok": "1625",
        "ko": "-"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 28,
    "percentage": 90.32258064516128
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 1,
    "percentage": 3.225806451612903
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 2,
    "percentage": 6.451612903225806
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 0,
    "percentage": 0.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "0.26",
        "ok": "0.26",
        "ko": "-"
    }
}
    },"req_warm-up-put--ap-1241445277": {
        type: "REQUEST",
        name: "warm-up PUT /api/follows/{handle}",
path: "warm-up PUT /api/follows/{handle}",
pathFormatted: "req_warm-up-put--ap-1241445277",
stats: {
    "name": "warm-up PUT /api/follows/{handle}",
    "numberOfRequests": {
        "total": "29",
        "ok": "29",
        "ko": "0"
    },
    "minResponseTime": {
        "total": "21",
        "ok": "21",
        "ko": "-"
    },
    "maxResponseTime": {
        "total": "1165",
        "ok": "1165",
        "ko": "-"
    },
    "meanResponseTime": {
        "total": "115",
        "ok": "115",
        "ko": "-"
    },
    "standardDeviation": {
        "total": "218",
        "ok": "218",
        "ko": "-"
    },
    "percentiles1": {
        "total": "47",
        "ok": "47",
        "ko": "-"
    },
    "percentiles2": {
        "total": "479",
        "ok": "479",
        "ko": "-"
    },
    "percentiles3": {
        "total": "1165",
        "ok": "1165",
        "ko": "-"
    },
    "percentiles4": {
        "total": "1165",
        "ok": "1165",
        "ko": "-"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 28,
    "percentage": 96.55172413793103
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 1,
    "percentage": 3.4482758620689653
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 0,
    "percentage": 0.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "0.24",
        "ok": "0.24",
        "ko": "-"
    }
}
    },"req_warm-up-get--ap--606453935": {
        type: "REQUEST",
        name: "warm-up GET /api/media/{key}",
path: "warm-up GET /api/media/{key}",
pathFormatted: "req_warm-up-get--ap--606453935",
stats: {
    "name": "warm-up GET /api/media/{key}",
    "numberOfRequests": {
        "total": "182",
        "ok": "182",
        "ko": "0"
    },
    "minResponseTime": {
        "total": "2",
        "ok": "2",
        "ko": "-"
    },
    "maxResponseTime": {
        "total": "852",
        "ok": "852",
        "ko": "-"
    },
    "meanResponseTime": {
        "total": "29",
        "ok": "29",
        "ko": "-"
    },
    "standardDeviation": {
        "total": "71",
        "ok": "71",
        "ko": "-"
    },
    "percentiles1": {
        "total": "12",
        "ok": "12",
        "ko": "-"
    },
    "percentiles2": {
        "total": "100",
        "ok": "100",
        "ko": "-"
    },
    "percentiles3": {
        "total": "239",
        "ok": "239",
        "ko": "-"
    },
    "percentiles4": {
        "total": "852",
        "ok": "852",
        "ko": "-"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 181,
    "percentage": 99.45054945054946
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 1,
    "percentage": 0.5494505494505495
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 0,
    "percentage": 0.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "1.52",
        "ok": "1.52",
        "ko": "-"
    }
}
    },"req_warm-up-get--ap-490159562": {
        type: "REQUEST",
        name: "warm-up GET /api/ads/placements",
path: "warm-up GET /api/ads/placements",
pathFormatted: "req_warm-up-get--ap-490159562",
stats: {
    "name": "warm-up GET /api/ads/placements",
    "numberOfRequests": {
        "total": "507",
        "ok": "507",
        "ko": "0"
    },
    "minResponseTime": {
        "total": "2",
        "ok": "2",
        "ko": "-"
    },
    "maxResponseTime": {
        "total": "798",
        "ok": "798",
        "ko": "-"
    },
    "meanResponseTime": {
        "total": "53",
        "ok": "53",
        "ko": "-"
    },
    "standardDeviation": {
        "total": "110",
        "ok": "110",
        "ko": "-"
    },
    "percentiles1": {
        "total": "19",
        "ok": "19",
        "ko": "-"
    },
    "percentiles2": {
        "total": "235",
        "ok": "217",
        "ko": "-"
    },
    "percentiles3": {
        "total": "682",
        "ok": "682",
        "ko": "-"
    },
    "percentiles4": {
        "total": "798",
        "ok": "798",
        "ko": "-"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 507,
    "percentage": 100.0
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 0,
    "percentage": 0.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "4.22",
        "ok": "4.22",
        "ko": "-"
    }
}
    },"req_warm-up-post--a-1060646881": {
        type: "REQUEST",
        name: "warm-up POST /api/metrics/views",
path: "warm-up POST /api/metrics/views",
pathFormatted: "req_warm-up-post--a-1060646881",
stats: {
    "name": "warm-up POST /api/metrics/views",
    "numberOfRequests": {
        "total": "507",
        "ok": "507",
        "ko": "0"
    },
    "minResponseTime": {
        "total": "4",
        "ok": "4",
        "ko": "-"
    },
    "maxResponseTime": {
        "total": "1885",
        "ok": "1885",
        "ko": "-"
    },
    "meanResponseTime": {
        "total": "60",
        "ok": "60",
        "ko": "-"
    },
    "standardDeviation": {
        "total": "175",
        "ok": "175",
        "ko": "-"
    },
    "percentiles1": {
        "total": "20",
        "ok": "20",
        "ko": "-"
    },
    "percentiles2": {
        "total": "181",
        "ok": "181",
        "ko": "-"
    },
    "percentiles3": {
        "total": "1108",
        "ok": "1108",
        "ko": "-"
    },
    "percentiles4": {
        "total": "1885",
        "ok": "1885",
        "ko": "-"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 500,
    "percentage": 98.61932938856016
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 2,
    "percentage": 0.39447731755424065
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 5,
    "percentage": 0.9861932938856016
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 0,
    "percentage": 0.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "4.22",
        "ok": "4.22",
        "ko": "-"
    }
}
    },"req_warm-up-post--a--2050460500": {
        type: "REQUEST",
        name: "warm-up POST /api/ads/impressions/{id}",
path: "warm-up POST /api/ads/impressions/{id}",
pathFormatted: "req_warm-up-post--a--2050460500",
stats: {
    "name": "warm-up POST /api/ads/impressions/{id}",
    "numberOfRequests": {
        "total": "808",
        "ok": "803",
        "ko": "5"
    },
    "minResponseTime": {
        "total": "3",
        "ok": "3",
        "ko": "20"
    },
    "maxResponseTime": {
        "total": "473",
        "ok": "449",
        "ko": "473"
    },
    "meanResponseTime": {
        "total": "34",
        "ok": "33",
        "ko": "193"
    },
    "standardDeviation": {
        "total": "49",
        "ok": "46",
        "ko": "172"
    },
    "percentiles1": {
        "total": "16",
        "ok": "16",
        "ko": "153"
    },
    "percentiles2": {
        "total": "134",
        "ok": "129",
        "ko": "473"
    },
    "percentiles3": {
        "total": "238",
        "ok": "230",
        "ko": "473"
    },
    "percentiles4": {
        "total": "473",
        "ok": "449",
        "ko": "473"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 803,
    "percentage": 99.38118811881188
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 5,
    "percentage": 0.6188118811881188
},
    "meanNumberOfRequestsPerSecond": {
        "total": "6.73",
        "ok": "6.69",
        "ko": "0.04"
    }
}
    },"req_warm-up-post--a-886230225": {
        type: "REQUEST",
        name: "warm-up POST /api/posts (photo)",
path: "warm-up POST /api/posts (photo)",
pathFormatted: "req_warm-up-post--a-886230225",
stats: {
    "name": "warm-up POST /api/posts (photo)",
    "numberOfRequests": {
        "total": "10",
        "ok": "10",
        "ko": "0"
    },
    "minResponseTime": {
        "total": "122",
        "ok": "122",
        "ko": "-"
    },
    "maxResponseTime": {
        "total": "980",
        "ok": "980",
        "ko": "-"
    },
    "meanResponseTime": {
        "total": "354",
        "ok": "354",
        "ko": "-"
    },
    "standardDeviation": {
        "total": "251",
        "ok": "251",
        "ko": "-"
    },
    "percentiles1": {
        "total": "251",
        "ok": "251",
        "ko": "-"
    },
    "percentiles2": {
        "total": "980",
        "ok": "980",
        "ko": "-"
    },
    "percentiles3": {
        "total": "980",
        "ok": "980",
        "ko": "-"
    },
    "percentiles4": {
        "total": "980",
        "ok": "980",
        "ko": "-"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 9,
    "percentage": 90.0
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 1,
    "percentage": 10.0
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 0,
    "percentage": 0.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "0.08",
        "ok": "0.08",
        "ko": "-"
    }
}
    },"req_get--api-feed-218138936": {
        type: "REQUEST",
        name: "GET /api/feed",
path: "GET /api/feed",
pathFormatted: "req_get--api-feed-218138936",
stats: {
    "name": "GET /api/feed",
    "numberOfRequests": {
        "total": "493",
        "ok": "493",
        "ko": "0"
    },
    "minResponseTime": {
        "total": "3",
        "ok": "3",
        "ko": "-"
    },
    "maxResponseTime": {
        "total": "77",
        "ok": "77",
        "ko": "-"
    },
    "meanResponseTime": {
        "total": "14",
        "ok": "14",
        "ko": "-"
    },
    "standardDeviation": {
        "total": "11",
        "ok": "11",
        "ko": "-"
    },
    "percentiles1": {
        "total": "11",
        "ok": "11",
        "ko": "-"
    },
    "percentiles2": {
        "total": "36",
        "ok": "36",
        "ko": "-"
    },
    "percentiles3": {
        "total": "59",
        "ok": "59",
        "ko": "-"
    },
    "percentiles4": {
        "total": "77",
        "ok": "77",
        "ko": "-"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 493,
    "percentage": 100.0
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 0,
    "percentage": 0.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "4.11",
        "ok": "4.11",
        "ko": "-"
    }
}
    },"req_get--api-ads-pl--199573497": {
        type: "REQUEST",
        name: "GET /api/ads/placements",
path: "GET /api/ads/placements",
pathFormatted: "req_get--api-ads-pl--199573497",
stats: {
    "name": "GET /api/ads/placements",
    "numberOfRequests": {
        "total": "493",
        "ok": "493",
        "ko": "0"
    },
    "minResponseTime": {
        "total": "3",
        "ok": "3",
        "ko": "-"
    },
    "maxResponseTime": {
        "total": "76",
        "ok": "76",
        "ko": "-"
    },
    "meanResponseTime": {
        "total": "13",
        "ok": "13",
        "ko": "-"
    },
    "standardDeviation": {
        "total": "10",
        "ok": "10",
        "ko": "-"
    },
    "percentiles1": {
        "total": "10",
        "ok": "10",
        "ko": "-"
    },
    "percentiles2": {
        "total": "31",
        "ok": "32",
        "ko": "-"
    },
    "percentiles3": {
        "total": "55",
        "ok": "55",
        "ko": "-"
    },
    "percentiles4": {
        "total": "76",
        "ok": "76",
        "ko": "-"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 493,
    "percentage": 100.0
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 0,
    "percentage": 0.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "4.11",
        "ok": "4.11",
        "ko": "-"
    }
}
    },"req_post--api-ads-i--755604529": {
        type: "REQUEST",
        name: "POST /api/ads/impressions/{id}",
path: "POST /api/ads/impressions/{id}",
pathFormatted: "req_post--api-ads-i--755604529",
stats: {
    "name": "POST /api/ads/impressions/{id}",
    "numberOfRequests": {
        "total": "978",
        "ok": "978",
        "ko": "0"
    },
    "minResponseTime": {
        "total": "2",
        "ok": "2",
        "ko": "-"
    },
    "maxResponseTime": {
        "total": "80",
        "ok": "80",
        "ko": "-"
    },
    "meanResponseTime": {
        "total": "10",
        "ok": "10",
        "ko": "-"
    },
    "standardDeviation": {
        "total": "8",
        "ok": "8",
        "ko": "-"
    },
    "percentiles1": {
        "total": "7",
        "ok": "7",
        "ko": "-"
    },
    "percentiles2": {
        "total": "26",
        "ok": "26",
        "ko": "-"
    },
    "percentiles3": {
        "total": "44",
        "ok": "45",
        "ko": "-"
    },
    "percentiles4": {
        "total": "80",
        "ok": "80",
        "ko": "-"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 978,
    "percentage": 100.0
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 0,
    "percentage": 0.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "8.15",
        "ok": "8.15",
        "ko": "-"
    }
}
    },"req_post--api-metri-370913822": {
        type: "REQUEST",
        name: "POST /api/metrics/views",
path: "POST /api/metrics/views",
pathFormatted: "req_post--api-metri-370913822",
stats: {
    "name": "POST /api/metrics/views",
    "numberOfRequests": {
        "total": "493",
        "ok": "493",
        "ko": "0"
    },
    "minResponseTime": {
        "total": "4",
        "ok": "4",
        "ko": "-"
    },
    "maxResponseTime": {
        "total": "74",
        "ok": "74",
        "ko": "-"
    },
    "meanResponseTime": {
        "total": "13",
        "ok": "13",
        "ko": "-"
    },
    "standardDeviation": {
        "total": "9",
        "ok": "9",
        "ko": "-"
    },
    "percentiles1": {
        "total": "10",
        "ok": "10",
        "ko": "-"
    },
    "percentiles2": {
        "total": "31",
        "ok": "31",
        "ko": "-"
    },
    "percentiles3": {
        "total": "46",
        "ok": "46",
        "ko": "-"
    },
    "percentiles4": {
        "total": "74",
        "ok": "74",
        "ko": "-"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 493,
    "percentage": 100.0
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 0,
    "percentage": 0.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "4.11",
        "ok": "4.11",
        "ko": "-"
    }
}
    },"req_get--api-media--1963929140": {
        type: "REQUEST",
        name: "GET /api/media/{key}",
path: "GET /api/media/{key}",
pathFormatted: "req_get--api-media--1963929140",
stats: {
    "name": "GET /api/media/{key}",
    "numberOfRequests": {
        "total": "235",
        "ok": "235",
        "ko": "0"
    },
    "minResponseTime": {
        "total": "1",
        "ok": "1",
        "ko": "-"
    },
    "maxResponseTime": {
        "total": "52",
        "ok": "52",
        "ko": "-"
    },
    "meanResponseTime": {
        "total": "8",
        "ok": "8",
        "ko": "-"
    },
    "standardDeviation": {
        "total": "8",
        "ok": "8",
        "ko": "-"
    },
    "percentiles1": {
        "total": "6",
        "ok": "6",
        "ko": "-"
    },
    "percentiles2": {
        "total": "26",
        "ok": "26",
        "ko": "-"
    },
    "percentiles3": {
        "total": "42",
        "ok": "42",
        "ko": "-"
    },
    "percentiles4": {
        "total": "52",
        "ok": "52",
        "ko": "-"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 235,
    "percentage": 100.0
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 0,
    "percentage": 0.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "1.96",
        "ok": "1.96",
        "ko": "-"
    }
}
    },"req_put--api-follow--167060838": {
        type: "REQUEST",
        name: "PUT /api/follows/{handle}",
path: "PUT /api/follows/{handle}",
pathFormatted: "req_put--api-follow--167060838",
stats: {
    "name": "PUT /api/follows/{handle}",
    "numberOfRequests": {
        "total": "22",
        "ok": "22",
        "ko": "0"
    },
    "minResponseTime": {
        "total": "14",
        "ok": "14",
        "ko": "-"
    },
    "maxResponseTime": {
        "total": "62",
        "ok": "62",
        "ko": "-"
    },
    "meanResponseTime": {
        "total": "30",
        "ok": "30",
        "ko": "-"
    },
    "standardDeviation": {
        "total": "13",
        "ok": "13",
        "ko": "-"
    },
    "percentiles1": {
        "total": "29",
        "ok": "29",
        "ko": "-"
    },
    "percentiles2": {
        "total": "52",
        "ok": "52",
        "ko": "-"
    },
    "percentiles3": {
        "total": "62",
        "ok": "62",
        "ko": "-"
    },
    "percentiles4": {
        "total": "62",
        "ok": "62",
        "ko": "-"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 22,
    "percentage": 100.0
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 0,
    "percentage": 0.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "0.18",
        "ok": "0.18",
        "ko": "-"
    }
}
    },"req_post--api-posts--2068258075": {
        type: "REQUEST",
        name: "POST /api/posts (text)",
path: "POST /api/posts (text)",
pathFormatted: "req_post--api-posts--2068258075",
stats: {
    "name": "POST /api/posts (text)",
    "numberOfRequests": {
        "total": "48",
        "ok": "48",
        "ko": "0"
    },
    "minResponseTime": {
        "total": "9",
        "ok": "9",
        "ko": "-"
    },
    "maxResponseTime": {
        "total": "100",
        "ok": "100",
        "ko": "-"
    },
    "meanResponseTime": {
        "total": "29",
        "ok": "29",
        "ko": "-"
    },
    "standardDeviation": {
        "total": "20",
        "ok": "20",
        "ko": "-"
    },
    "percentiles1": {
        "total": "24",
        "ok": "24",
        "ko": "-"
    },
    "percentiles2": {
        "total": "65",
        "ok": "65",
        "ko": "-"
    },
    "percentiles3": {
        "total": "100",
        "ok": "100",
        "ko": "-"
    },
    "percentiles4": {
        "total": "100",
        "ok": "100",
        "ko": "-"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 48,
    "percentage": 100.0
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 0,
    "percentage": 0.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "0.4",
        "ok": "0.4",
        "ko": "-"
    }
}
    },"req_post--api-posts-196497166": {
        type: "REQUEST",
        name: "POST /api/posts (photo)",
path: "POST /api/posts (photo)",
pathFormatted: "req_post--api-posts-196497166",
stats: {
    "name": "POST /api/posts (photo)",
    "numberOfRequests": {
        "total": "8",
        "ok": "8",
        "ko": "0"
    },
    "minResponseTime": {
        "total": "92",
        "ok": "92",
        "ko": "-"
    },
    "maxResponseTime": {
        "total": "278",
        "ok": "278",
        "ko": "-"
    },
    "meanResponseTime": {
        "total": "171",
        "ok": "171",
        "ko": "-"
    },
    "standardDeviation": {
        "total": "70",
        "ok": "70",
        "ko": "-"
    },
    "percentiles1": {
        "total": "181",
        "ok": "181",
        "ko": "-"
    },
    "percentiles2": {
        "total": "278",
        "ok": "278",
        "ko": "-"
    },
    "percentiles3": {
        "total": "278",
        "ok": "278",
        "ko": "-"
    },
    "percentiles4": {
        "total": "278",
        "ok": "278",
        "ko": "-"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 8,
    "percentage": 100.0
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 0,
    "percentage": 0.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "0.07",
        "ok": "0.07",
        "ko": "-"
    }
}
    }
}

}

function fillStats(stat){
    $("#numberOfRequests").append(stat.numberOfRequests.total);
    $("#numberOfRequestsOK").append(stat.numberOfRequests.ok);
    $("#numberOfRequestsKO").append(stat.numberOfRequests.ko);

    $("#minResponseTime").append(stat.minResponseTime.total);
    $("#minResponseTimeOK").append(stat.minResponseTime.ok);
    $("#minResponseTimeKO").append(stat.minResponseTime.ko);

    $("#maxResponseTime").append(stat.maxResponseTime.total);
    $("#maxResponseTimeOK").append(stat.maxResponseTime.ok);
    $("#maxResponseTimeKO").append(stat.maxResponseTime.ko);

    $("#meanResponseTime").append(stat.meanResponseTime.total);
    $("#meanResponseTimeOK").append(stat.meanResponseTime.ok);
    $("#meanResponseTimeKO").append(stat.meanResponseTime.ko);

    $("#standardDeviation").append(stat.standardDeviation.total);
    $("#standardDeviationOK").append(stat.standardDeviation.ok);
    $("#standardDeviationKO").append(stat.standardDeviation.ko);

    $("#percentiles1").append(stat.percentiles1.total);
    $("#percentiles1OK").append(stat.percentiles1.ok);
    $("#percentiles1KO").append(stat.percentiles1.ko);

    $("#percentiles2").append(stat.percentiles2.total);
    $("#percentiles2OK").append(stat.percentiles2.ok);
    $("#percentiles2KO").append(stat.percentiles2.ko);

    $("#percentiles3").append(stat.percentiles3.total);
    $("#percentiles3OK").append(stat.percentiles3.ok);
    $("#percentiles3KO").append(stat.percentiles3.ko);

    $("#percentiles4").append(stat.percentiles4.total);
    $("#percentiles4OK").append(stat.percentiles4.ok);
    $("#percentiles4KO").append(stat.percentiles4.ko);

    $("#meanNumberOfRequestsPerSecond").append(stat.meanNumberOfRequestsPerSecond.total);
    $("#meanNumberOfRequestsPerSecondOK").append(stat.meanNumberOfRequestsPerSecond.ok);
    $("#meanNumberOfRequestsPerSecondKO").append(stat.meanNumberOfRequestsPerSecond.ko);
}
