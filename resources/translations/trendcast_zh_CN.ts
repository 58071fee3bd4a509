<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DecompositionView</name>
    <message>
        <source>Sales</source>
        <translation>销量</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>Seasonality</source>
        <translation>季节性</translation>
    </message>
    <message>
        <source>Remainder</source>
        <translation>残差</translation>
    </message>
    <message>
        <source>Seasons estimated: {periods} periods.</source>
        <translation>已估计的季节周期：{periods} 期。</translation>
    </message>
    <message>
        <source>No seasonality estimated: the history is shorter than two full seasons.</source>
        <translation>未估计季节性：历史数据不足两个完整周期。</translation>
    </message>
</context>
<context>
    <name>ExportMenu</name>
    <message>
        <source>Forecast as CSV…</source>
        <translation>预测导出为 CSV…</translation>
    </message>
    <message>
        <source>Model comparison as CSV…</source>
        <translation>模型比较导出为 CSV…</translation>
    </message>
    <message>
        <source>Forecast and metrics as Excel…</source>
        <translation>预测与指标导出为 Excel…</translation>
    </message>
    <message>
        <source>Chart as PNG image…</source>
        <translation>图表导出为 PNG 图片…</translation>
    </message>
    <message>
        <source>One-page PDF report…</source>
        <translation>单页 PDF 报告…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Nothing to export yet.</source>
        <translation>尚无可导出的内容。</translation>
    </message>
    <message>
        <source>Trendcast forecast report</source>
        <translation>Trendcast 销量预测报告</translation>
    </message>
    <message>
        <source>Saved {name}.</source>
        <translation>已保存 {name}。</translation>
    </message>
    <message>
        <source>Could not save {name}: {error}</source>
        <translation>无法保存 {name}：{error}</translation>
    </message>
</context>
<context>
    <name>ForecastChart</name>
    <message>
        <source>Units sold</source>
        <translation>销售数量</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Forecast: {model}</source>
        <translation>预测：{model}</translation>
    </message>
    <message>
        <source>{level}% range</source>
        <translation>{level}% 区间</translation>
    </message>
    <message>
        <source>Backtest: {model}</source>
        <translation>回测：{model}</translation>
    </message>
</context>
<context>
    <name>ForecastView</name>
    <message>
        <source>No forecast yet. Import sales data and train the models; the results appear here.</source>
        <translation>还没有预测。请先导入销售数据并训练模型，结果会显示在这里。</translation>
    </message>
    <message>
        <source>Compare with:</source>
        <translation>对比模型：</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Forecast table</source>
        <translation>预测表</translation>
    </message>
    <message>
        <source>Model comparison</source>
        <translation>模型比较</translation>
    </message>
    <message>
        <source>Decomposition</source>
        <translation>分解</translation>
    </message>
    <message>
        <source>chosen per product</source>
        <translation>按产品选择的模型</translation>
    </message>
    <message>
        <source>All products</source>
        <translation>全部产品</translation>
    </message>
    <message>
        <source>Total of every product&apos;s chosen forecast. Bands assume products vary independently.</source>
        <translation>各产品所选预测的合计。区间假设各产品相互独立波动。</translation>
    </message>
    <message>
        <source>Model: {model}</source>
        <translation>模型：{model}</translation>
    </message>
    <message>
        <source>why: {reason}</source>
        <translation>原因：{reason}</translation>
    </message>
    <message>
        <source>demand: {kind}</source>
        <translation>需求类型：{kind}</translation>
    </message>
    <message>
        <source>fallback: {why}</source>
        <translation>备用模型：{why}</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>{level}% low</source>
        <translation>{level}% 下限</translation>
    </message>
    <message>
        <source>{level}% high</source>
        <translation>{level}% 上限</translation>
    </message>
    <message>
        <source>No backtest metrics for this product.</source>
        <translation>该产品没有回测指标。</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Bias</source>
        <translation>偏差</translation>
    </message>
    <message>
        <source>80% coverage</source>
        <translation>80% 覆盖率</translation>
    </message>
    <message>
        <source>95% coverage</source>
        <translation>95% 覆盖率</translation>
    </message>
    <message>
        <source>Trend precision</source>
        <translation>趋势精确率</translation>
    </message>
    <message>
        <source>Trend recall</source>
        <translation>趋势召回率</translation>
    </message>
    <message>
        <source>Backtest accuracy over all products. Each product uses the model that was most accurate for it.</source>
        <translation>全部产品的回测准确度。每个产品使用对它最准确的模型。</translation>
    </message>
    <message>
        <source>✓ marks the chosen model: {reason}</source>
        <translation>✓ 表示所选模型：{reason}</translation>
    </message>
    <message>
        <source>Decomposing…</source>
        <translation>正在分解…</translation>
    </message>
    <message>
        <source>Could not decompose this product: {error}</source>
        <translation>无法分解该产品：{error}</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>The new language is used from the next start of Trendcast.</source>
        <translation>新语言将在下次启动 Trendcast 时生效。</translation>
    </message>
</context>
<context>
    <name>ModelNames</name>
    <message>
        <source>Seasonal naive</source>
        <translation>季节性朴素法</translation>
    </message>
    <message>
        <source>Naive (last value)</source>
        <translation>朴素法（最后一个值）</translation>
    </message>
</context>
<context>
    <name>ProductList</name>
    <message>
        <source>Search products…</source>
        <translation>搜索产品…</translation>
    </message>
    <message>
        <source>Best sellers first</source>
        <translation>畅销优先</translation>
    </message>
    <message>
        <source>Fastest growing</source>
        <translation>增长最快</translation>
    </message>
    <message>
        <source>Fastest falling</source>
        <translation>下降最快</translation>
    </message>
    <message>
        <source>Most accurate</source>
        <translation>最准确</translation>
    </message>
    <message>
        <source>Demand class</source>
        <translation>需求类型</translation>
    </message>
    <message>
        <source>Product code</source>
        <translation>产品编号</translation>
    </message>
    <message numerus="yes">
        <source>%n product(s)</source>
        <translation>
            <numerusform>%n 个产品</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProductTableModel</name>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>Recent sales</source>
        <translation>近期销量</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>总销量</translation>
    </message>
    <message>
        <source>Growth</source>
        <translation>增长</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>误差</translation>
    </message>
    <message>
        <source>Demand</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>Next periods&apos; forecast against the same number of past periods: ▲ up, ▼ down, ▶ within 5%</source>
        <translation>未来几期预测与过去同样期数的比较：▲ 上升，▼ 下降，▶ 变化在 5% 以内</translation>
    </message>
    <message>
        <source>Units sold in the whole history</source>
        <translation>全部历史的销售数量</translation>
    </message>
    <message>
        <source>Forecast for the horizon against sales in the last periods of the same length</source>
        <translation>预测期内的预测与最近同样长度的销量之比</translation>
    </message>
    <message>
        <source>Backtest error of the chosen model (WAPE: absolute errors over sales; lower is better)</source>
        <translation>所选模型的回测误差（WAPE：绝对误差之和除以销量；越低越好）</translation>
    </message>
    <message>
        <source>All products</source>
        <translation>全部产品</translation>
    </message>
    <message>
        <source>smooth</source>
        <translation>平稳</translation>
    </message>
    <message>
        <source>intermittent</source>
        <translation>间歇</translation>
    </message>
    <message>
        <source>erratic</source>
        <translation>波动</translation>
    </message>
    <message>
        <source>lumpy</source>
        <translation>块状</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>Could not write the image {path}.</source>
        <translation>无法写入图片 {path}。</translation>
    </message>
    <message>
        <source>Trendcast forecast report</source>
        <translation>Trendcast 销量预测报告</translation>
    </message>
    <message>
        <source>Could not write the report {path}.</source>
        <translation>无法写入报告 {path}。</translation>
    </message>
    <message>
        <source>{products} products, sales {span}; forecast {horizon} periods ahead (frequency {freq}).</source>
        <translation>{products} 个产品，销售期间 {span}；向前预测 {horizon} 期（频率 {freq}）。</translation>
    </message>
    <message>
        <source>All products: sales and forecast</source>
        <translation>全部产品：销量与预测</translation>
    </message>
    <message>
        <source>Grey: sales. Blue: forecast, shaded: 80% range (assuming products vary independently).</source>
        <translation>灰线：销量。蓝线：预测，阴影：80% 区间（假设各产品相互独立波动）。</translation>
    </message>
    <message>
        <source>Top products by forecast volume</source>
        <translation>预测销量最高的产品</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Growth</source>
        <translation>增长</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Accuracy in the backtest (lower MASE and WAPE are better)</source>
        <translation>回测准确度（MASE 与 WAPE 越低越好）</translation>
    </message>
    <message>
        <source>Bias</source>
        <translation>偏差</translation>
    </message>
    <message>
        <source>80% coverage</source>
        <translation>80% 覆盖率</translation>
    </message>
    <message>
        <source>Chosen for</source>
        <translation>被选用次数</translation>
    </message>
</context>
</TS>
